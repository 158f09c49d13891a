"use client";

import { useActionState } from "react";
import { reportCommentAction } from "@/app/(site)/articles/[slug]/actions";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import type { CommentReportReason } from "@/db/schema";
import { idleState } from "@/lib/actions/action-state";
import { commentReportReasonLabels } from "@/lib/comments/comment-report-reasons";

// Folded away under "Report"; it opens by itself when the server answered with a message, so a
// refusal is seen after a full-page post without JavaScript too. Only signed-in readers get it.
// Once the reader has reported the comment it says so instead; it stays the same component, so a
// refusal from a page opened earlier ("already reported") still finds its place after a full-page
// post without JavaScript.
export function ReportCommentForm({
  commentId,
  authorName,
  alreadyReported,
}: {
  commentId: number;
  authorName: string;
  alreadyReported: boolean;
}) {
  const [state, formAction] = useActionState(reportCommentAction, idleState);
  if (alreadyReported) {
    return (
      <div className="comment-reported">
        <p>You reported this comment.</p>
        <FormMessage state={state} />
      </div>
    );
  }
  const selectId = `report-reason-${commentId}`;
  const reasonErrors = state.fieldErrors?.reason;
  return (
    <details className="comment-report" open={state.status !== "idle" || undefined}>
      <summary aria-label={`Report the comment by ${authorName}`}>Report</summary>
      <form action={formAction} className="comment-report-form" noValidate>
        <FormMessage state={state} />
        <input type="hidden" name="commentId" value={commentId} />
        <label htmlFor={selectId}>Why should moderators look at it?</label>{" "}
        <select
          id={selectId}
          name="reason"
          defaultValue={state.values?.reason ?? ""}
          aria-invalid={reasonErrors ? true : undefined}
          aria-describedby={reasonErrors ? `${selectId}-error` : undefined}
        >
          <option value="">Choose a reason…</option>
          {(Object.keys(commentReportReasonLabels) as CommentReportReason[]).map((reason) => (
            <option key={reason} value={reason}>
              {commentReportReasonLabels[reason]}
            </option>
          ))}
        </select>{" "}
        <SubmitButton className="button button-small" pendingText="Sending…">
          Send report
        </SubmitButton>
        {reasonErrors ? (
          <p className="form-error" id={`${selectId}-error`}>
            {reasonErrors.join(" ")}
          </p>
        ) : null}
      </form>
    </details>
  );
}
