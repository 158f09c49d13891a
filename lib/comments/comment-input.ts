import "../zod-jitless";
import { z } from "zod";
import { commentReportReasons } from "../../db/schema";
import { COMMENT_MAX_LENGTH } from "./comment-limits";
import { normaliseCommentBody } from "./comment-rules";

// The comment text as the server accepts it, shared by posting, editing and replying from the queue.
export const commentBodyField = z
  .string({ error: "Please type your comment." })
  .transform(normaliseCommentBody)
  .pipe(
    z
      .string()
      .min(1, "Please type your comment.")
      .max(COMMENT_MAX_LENGTH, `Comments are limited to ${COMMENT_MAX_LENGTH.toLocaleString("en")} characters.`),
  );

export const positiveId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const postCommentInput = z.object({
  articleId: positiveId,
  // Empty for a top-level comment.
  parentId: z.union([z.literal("").transform(() => null), positiveId]).default(null),
  body: commentBodyField,
});

export const reportCommentInput = z.object({
  commentId: positiveId,
  reason: z.enum(commentReportReasons, "Choose a reason."),
});
