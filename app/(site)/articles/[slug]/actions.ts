"use server";

import { refresh } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { reportComment, type ReportCommentResult } from "@/db/queries/comment-reports";
import { submitComment } from "@/db/queries/comment-submission";
import { typedValues } from "@/lib/actions/action-state";
import { userAction } from "@/lib/actions/action-wrappers";
import { clientIpFrom } from "@/lib/client-ip";
import { postCommentInput, reportCommentInput } from "@/lib/comments/comment-input";
import { formatWait, recordAttempt } from "@/lib/rate-limits";

// "Leave a Reply": the moderation rules run in the data layer, in the transaction that stores the
// comment. Success redirects to the comment's anchor, so a reload does not post it twice.
export const postCommentAction = userAction(postCommentInput, async ({ articleId, parentId, body }, { user, formData }) => {
  const values = { body: String(formData.get("body") ?? ""), parentId: parentId === null ? "" : String(parentId) };
  // Per address, before the per-account moderation rules: one address cannot flood through many accounts.
  const wait = await recordAttempt("commentIp", clientIpFrom(await headers()));
  if (wait > 0) return { status: "error", message: `You are posting too fast. Try again in ${formatWait(wait)}.`, values };
  const result = await submitComment({ articleId, authorId: user.id, parentId, body });
  if (!result.ok) return { status: "error", message: result.message, values };
  // The target differs from the current page only by its hash, which alone would not make the
  // client router fetch the page again.
  refresh();
  redirect(`/articles/${result.articleSlug}#comment-${result.commentId}`);
});

const reportRefusals: Record<Extract<ReportCommentResult, { ok: false }>["reason"], string> = {
  "not-found": "That comment is no longer published.",
  own: "You cannot report your own comment.",
  "already-reported": "You have already reported this comment.",
};

// "Report" under a published comment. Enough reports from different readers send it back to the
// moderation queue (db/queries/comment-reports.ts decides, in the transaction that stores the report).
export const reportCommentAction = userAction(reportCommentInput, async ({ commentId, reason }, { user, formData }) => {
  const result = await reportComment({ commentId, reporterId: user.id, reason });
  if (!result.ok) return { status: "error", message: reportRefusals[result.reason], values: typedValues(formData) };
  refresh();
  redirect(`/articles/${result.articleSlug}${result.returnedToQueue ? "#comments" : `#comment-${commentId}`}`);
});
