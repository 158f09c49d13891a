"use server";

import { refresh } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { submitComment } from "@/db/queries/comment-submission";
import { userAction } from "@/lib/actions/action-wrappers";
import { clientIpFrom } from "@/lib/client-ip";
import { postCommentInput } from "@/lib/comments/comment-input";
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
