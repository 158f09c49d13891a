import { submitComment } from "../../db/queries/comment-submission";
import type { SessionUser } from "../../db/queries/auth-users";
import type { ActionState } from "../actions/action-state";
import type { postCommentInput } from "./comment-input";
import type { z } from "zod";

export type PostCommentAnswer = { status: "posted"; location: string } | { status: "refused"; state: ActionState };

// "Leave a Reply" after the access check and validation, shared by the server action (JavaScript
// on) and the form endpoint in the custom server (JavaScript off): the per-address limit, the
// moderation rules, insert and cache invalidation in one transaction (db/queries/comment-submission.ts).
// Success goes to the comment's anchor, so a reload does not post it twice.
export async function postComment({
  input: { articleId, parentId, body },
  user,
  ip,
  typedBody,
}: {
  input: z.infer<typeof postCommentInput>;
  user: SessionUser;
  ip: string;
  // The text as typed (before normalisation), given back with a refusal.
  typedBody: string;
}): Promise<PostCommentAnswer> {
  const values = { body: typedBody, parentId: parentId === null ? "" : String(parentId) };
  const result = await submitComment({ articleId, authorId: user.id, parentId, body, limitAddress: ip });
  if (!result.ok) return { status: "refused", state: { status: "error", message: result.message, values } };
  return { status: "posted", location: `/articles/${result.articleSlug}#comment-${result.commentId}` };
}
