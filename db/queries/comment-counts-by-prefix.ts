import { and, countDistinct, count, eq, like } from "drizzle-orm";
import { getDb } from "../client";
import { comments } from "../schema";

// For `npm run bench`: how many stored comments on an article start with a prefix, and how many
// distinct texts they have (each accepted post must be stored exactly once). The prefix is plain
// text without LIKE wildcards.
export async function countCommentsWithBodyPrefix({
  articleId,
  prefix,
}: {
  articleId: number;
  prefix: string;
}): Promise<{ rows: number; distinctBodies: number }> {
  const row = getDb()
    .select({ rows: count(), distinctBodies: countDistinct(comments.body) })
    .from(comments)
    .where(and(eq(comments.articleId, articleId), like(comments.body, `${prefix}%`)))
    .get();
  return { rows: row?.rows ?? 0, distinctBodies: row?.distinctBodies ?? 0 };
}
