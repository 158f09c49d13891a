import { asc, count, eq, sql } from "drizzle-orm";
import { cacheTags, recordCacheTags } from "../../lib/cache-tags";
import { currentTime } from "../../lib/clock";
import { getDb } from "../client";
import { articles, articleTags, tags } from "../schema";
import { isVisibleToReaders } from "./article-visibility";

export type TagProfile = { id: number; slug: string; name: string };

export async function getTagBySlug({ slug }: { slug: string }): Promise<TagProfile | null> {
  const tag = getDb()
    .select({ id: tags.id, slug: tags.slug, name: tags.name })
    .from(tags)
    .where(eq(tags.slug, slug))
    .get();
  if (!tag) return null;
  recordCacheTags(cacheTags.tag(tag.id));
  return tag;
}

export type TagWithCount = TagProfile & { articleCount: number };

// The tag index: every tag carried by at least one reader-visible article, with how many, by
// name in any letter case. Starts from the visible articles (the partial listing index), so tags used only by
// drafts stay unlisted. Records the listing tag (an article appearing, disappearing or changing
// its tags invalidates it) and each listed tag (renames).
export async function listTagsWithArticleCounts({ now = currentTime() }: { now?: Date } = {}): Promise<TagWithCount[]> {
  const articleCount = count(articleTags.articleId);
  const rows = getDb()
    .select({ id: tags.id, slug: tags.slug, name: tags.name, articleCount })
    .from(articles)
    .innerJoin(articleTags, eq(articleTags.articleId, articles.id))
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(isVisibleToReaders(now))
    .groupBy(tags.id)
    .orderBy(sql`${tags.name} collate nocase`, asc(tags.id))
    .all();
  recordCacheTags(cacheTags.articleListing, ...rows.map((row) => cacheTags.tag(row.id)));
  return rows;
}
