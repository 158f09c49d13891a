import { and, asc, gt, inArray, lte, sql } from "drizzle-orm";
import type { ArticleTagSource } from "../../lib/cache-tags";
import { arrivalNeighbourTags } from "./article-neighbours";
import type { Db } from "../client";
import { articles, articleTags } from "../schema";

// Any article dated in the future (scheduled, or published with a future date) becomes visible
// at its published_at; the literal IN list lets SQLite use the partial listing index.
const listedStatus = sql`${articles.status} in ('published', 'scheduled')`;

// The next moment an article becomes visible, so caches can expire exactly then.
export function getNextScheduledPublicationTime(db: Db, after: Date): Date | null {
  const row = db
    .select({ publishedAt: articles.publishedAt })
    .from(articles)
    .where(and(listedStatus, gt(articles.publishedAt, after)))
    .orderBy(asc(articles.publishedAt))
    .limit(1)
    .get();
  return row?.publishedAt ?? null;
}

// The article pages whose previous/next links change as these articles appear: their neighbours
// at `until`.
export function neighbourTagsOfDueArticles(db: Db, due: readonly ArticleTagSource[], until: Date): string[] {
  if (due.length === 0) return [];
  const rows = db
    .select({ id: articles.id, status: articles.status, publishedAt: articles.publishedAt })
    .from(articles)
    .where(
      inArray(
        articles.id,
        due.map((article) => article.id),
      ),
    )
    .all();
  return rows.flatMap((row) => arrivalNeighbourTags(db, { before: null, after: row }, until));
}

// Articles whose time fell in (after, until]: the pages that list them must change.
export function listArticlesScheduledBetween(db: Db, after: Date, until: Date): ArticleTagSource[] {
  const rows = db
    .select({ id: articles.id, authorId: articles.authorId, publicationId: articles.publicationId })
    .from(articles)
    .where(and(listedStatus, gt(articles.publishedAt, after), lte(articles.publishedAt, until)))
    .all();
  if (rows.length === 0) return [];
  const links = db
    .select({ articleId: articleTags.articleId, tagId: articleTags.tagId })
    .from(articleTags)
    .where(
      inArray(
        articleTags.articleId,
        rows.map((row) => row.id),
      ),
    )
    .all();
  return rows.map((row) => ({
    ...row,
    tagIds: links.filter((link) => link.articleId === row.id).map((link) => link.tagId),
  }));
}
