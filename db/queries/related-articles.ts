import { and, count, desc, eq, inArray, ne } from "drizzle-orm";
import { cacheTags, recordCacheTags } from "../../lib/cache-tags";
import { currentTime } from "../../lib/clock";
import { getDb } from "../client";
import { articles, articleTags } from "../schema";
import { isVisibleToReaders } from "./article-visibility";

export type RelatedArticle = { id: number; slug: string; title: string; publishedAt: Date; sharedTags: number };

// Reader-visible articles sharing tags with an article: most shared tags first, then newest.
// Records the article's tags (an article gaining, losing or sharing one invalidates tag:<id>) and
// each related article's own tag (its title or date changing).
export async function listRelatedArticles({
  articleId,
  tagIds,
  limit = 3,
  now = currentTime(),
}: {
  articleId: number;
  tagIds: readonly number[];
  limit?: number;
  now?: Date;
}): Promise<RelatedArticle[]> {
  recordCacheTags(...tagIds.map((tagId) => cacheTags.tag(tagId)));
  if (tagIds.length === 0) return [];
  const sharedTags = count(articleTags.tagId);
  const rows = getDb()
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      publishedAt: articles.publishedAt,
      sharedTags,
    })
    .from(articleTags)
    .innerJoin(articles, eq(articles.id, articleTags.articleId))
    .where(and(inArray(articleTags.tagId, [...tagIds]), ne(articleTags.articleId, articleId), isVisibleToReaders(now)))
    .groupBy(articles.id)
    .orderBy(desc(sharedTags), desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .all();
  recordCacheTags(...rows.map((row) => cacheTags.article(row.id)));
  return rows.map((row) => ({ ...row, publishedAt: row.publishedAt ?? new Date(0) }));
}
