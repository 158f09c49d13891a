import { and, asc, eq } from "drizzle-orm";
import { cacheTags, recordCacheTags } from "../../lib/cache-tags";
import { getDb } from "../client";
import { comments, users } from "../schema";

export type ApprovedComment = {
  id: number;
  parentId: number | null;
  body: string;
  createdAt: Date;
  // Null when the commenter's account was deleted and the comment kept.
  author: { slug: string; displayName: string } | null;
};

export async function listApprovedComments({ articleId }: { articleId: number }): Promise<ApprovedComment[]> {
  recordCacheTags(cacheTags.article(articleId));
  const rows = getDb()
    .select({
      id: comments.id,
      parentId: comments.parentId,
      body: comments.body,
      createdAt: comments.createdAt,
      authorSlug: users.slug,
      authorName: users.displayName,
    })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.articleId, articleId), eq(comments.status, "approved")))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .all();
  return rows.map(({ authorSlug, authorName, ...comment }) => ({
    ...comment,
    author: authorSlug !== null && authorName !== null ? { slug: authorSlug, displayName: authorName } : null,
  }));
}
