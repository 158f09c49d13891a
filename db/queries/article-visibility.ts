import { and, lte, sql, type SQL } from "drizzle-orm";
import { articles } from "../schema";

// Readers see an article once it is published, or scheduled and its time has come. The literal
// IN list matches the partial indexes' WHERE clause word for word, which SQLite needs to use them.
export function isVisibleToReaders(now: Date): SQL {
  return and(sql`${articles.status} in ('published', 'scheduled')`, lte(articles.publishedAt, now)) as SQL;
}

export const approvedCommentCount = sql<number>`(
  select count(*) from comments
  where comments.article_id = ${articles.id} and comments.status = 'approved' and comments.deleted_at is null
)`.mapWith(Number);
