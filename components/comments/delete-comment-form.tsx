"use client";

import { useActionState } from "react";
import { deleteCommentAction } from "@/app/(site)/comments/[id]/edit/actions";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/actions/action-state";

// The confirmation is a checkbox rather than a dialog, so it works without JavaScript.
export function DeleteCommentForm({ commentId, hasReplies }: { commentId: number; hasReplies: boolean }) {
  const [state, formAction] = useActionState(deleteCommentAction, idleState);
  const confirmError = state.fieldErrors?.confirm;
  return (
    <form action={formAction} className="stacked-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="commentId" value={commentId} />
      <p>
        {hasReplies
          ? "Its text will be erased; the replies to it stay, under “This comment was deleted.”"
          : "It will be removed from the article. This cannot be undone."}
      </p>
      <div className="form-field form-field-checkbox">
        <label>
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={confirmError ? "confirm-error" : undefined}
          />{" "}
          Yes, delete this comment
        </label>
        {confirmError ? (
          <p className="form-error" id="confirm-error">
            {confirmError.join(" ")}
          </p>
        ) : null}
      </div>
      <SubmitButton className="button button-danger" pendingText="Deleting…">
        Delete Comment
      </SubmitButton>
    </form>
  );
}
