import { eq } from "drizzle-orm";
import { cacheTags } from "../../lib/cache-tags";
import { invalidateCacheTags } from "../cache-invalidation";
import { inWriteTransaction } from "../client";
import { comments, type CommentStatus } from "../schema";

// Only approved comments are visible, so only a change into or out of "approved" touches pages;
// invalidating on every status change keeps the rule simple and costs one log row.
export async function insertComment({
  articleId,
  authorId,
  parentId = null,
  body,
  status,
  createdAt = new Date(),
}: {
  articleId: number;
  authorId: number;
  parentId?: number | null;
  body: string;
  status: CommentStatus;
  createdAt?: Date;
}): Promise<number> {
  return inWriteTransaction((tx) => {
    const inserted = tx
      .insert(comments)
      .values({ articleId, authorId, parentId, body, status, createdAt, updatedAt: createdAt })
      .returning({ id: comments.id })
      .get();
    if (status === "approved") invalidateCacheTags(tx, [cacheTags.article(articleId)]);
    return inserted.id;
  });
}

export async function setCommentStatus({
  commentId,
  status,
  moderatorId,
}: {
  commentId: number;
  status: CommentStatus;
  moderatorId: number | null;
}): Promise<boolean> {
  return inWriteTransaction((tx) => {
    const updated = tx
      .update(comments)
      .set({ status, moderatedById: moderatorId, moderatedAt: new Date(), updatedAt: new Date() })
      .where(eq(comments.id, commentId))
      .returning({ articleId: comments.articleId })
      .get();
    if (!updated) return false;
    invalidateCacheTags(tx, [cacheTags.article(updated.articleId)]);
    return true;
  });
}
