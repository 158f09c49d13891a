import { and, lte, sql, type Placeholder, type SQL } from "drizzle-orm";
import { articles } from "../schema";

// Readers see an article once it is published, or scheduled and its time has come. The literal
// IN list matches the partial indexes' WHERE clause word for word, which SQLite needs to use them.
// A prepared statement passes `now` as a placeholder, filled with milliseconds since the epoch.
export function isVisibleToReaders(now: Date | Placeholder): SQL {
  return and(sql`${articles.status} in ('published', 'scheduled')`, lte(articles.publishedAt, now)) as SQL;
}

export const approvedCommentCount = sql<number>`(
  select count(*) from comments
  where comments.article_id = ${articles.id} and comments.status = 'approved' and comments.deleted_at is null
)`.mapWith(Number);
