"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { deleteOwnComment, editOwnComment } from "@/db/queries/comment-author-writes";
import { accountAction, userAction } from "@/lib/actions/action-wrappers";
import { commentBodyField, positiveId } from "@/lib/comments/comment-input";

const editInput = z.object({ commentId: positiveId, body: commentBodyField });

export const editCommentAction = userAction(editInput, async ({ commentId, body }, { user, formData }) => {
  const result = await editOwnComment({ commentId, authorId: user.id, body });
  if (!result.ok) return { status: "error", message: result.message, values: { body: String(formData.get("body") ?? "") } };
  refresh();
  redirect(`/articles/${result.articleSlug}#comment-${result.commentId}`);
});

const deleteInput = z.object({
  commentId: positiveId,
  confirm: z.literal("yes", { error: "Tick the box to confirm that the comment should be deleted." }),
});

// Open to banned users too: taking one's own words down is never refused.
export const deleteCommentAction = accountAction(deleteInput, async ({ commentId }, { user }) => {
  const result = await deleteOwnComment({ commentId, authorId: user.id });
  if (!result.ok) return { status: "error", message: result.message };
  refresh();
  redirect(`/articles/${result.articleSlug}#comments`);
});
