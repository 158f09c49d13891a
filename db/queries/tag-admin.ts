import { and, count, eq, inArray, ne, or, sql } from "drizzle-orm";
import { cacheTags } from "../../lib/cache-tags";
import { currentTime } from "../../lib/clock";
import { countPages, pageOffset, type Page } from "../../lib/pagination";
import { invalidateCacheTags } from "../cache-invalidation";
import { getDb, inWriteTransaction, type Transaction } from "../client";
import { articles, articleTags, tags } from "../schema";
import { isVisibleToReaders } from "./article-visibility";
import { deleteSlugRedirectsTo, moveSlugRedirects, recordSlugChange } from "./slug-redirects";
import { containsLikePattern } from "../like-pattern";

// Tag management for admins (/admin/tags): rename, merge, delete. Every write runs in one
// immediate transaction with its slug redirects and its cache invalidation. Only articles visible
// to readers have pages that can be cached (drafts and not-yet-due articles are 404s, which are
// never stored; a scheduled article's pages expire when its time comes), so those are the article
// pages a change invalidates.

export type TagAdminItem = {
  id: number;
  slug: string;
  name: string;
  // Articles readers can see now (published, or scheduled and due).
  publishedCount: number;
  // Every article carrying the tag, drafts and scheduled ones included.
  articleCount: number;
};

export type TagChoice = { id: number; slug: string; name: string };

export const TAGS_PER_PAGE = 25;

function tagAdminColumns(now: Date) {
  const db = getDb();
  // Built with a join, so drizzle names every column with its table (the outer tags.id included).
  const published = db
    .select({ n: count() })
    .from(articleTags)
    .innerJoin(articles, eq(articles.id, articleTags.articleId))
    .where(and(eq(articleTags.tagId, tags.id), isVisibleToReaders(now)));
  return {
    id: tags.id,
    slug: tags.slug,
    name: tags.name,
    publishedCount: sql<number>`(${published})`.mapWith(Number),
    articleCount: db.$count(articleTags, eq(articleTags.tagId, tags.id)),
  };
}

// Every tag, by name, with its article counts; `search` matches the name or the slug.
export async function listTagsForAdmin({
  search = "",
  page,
  now = currentTime(),
}: {
  search?: string;
  page: number;
  now?: Date;
}): Promise<Page<TagAdminItem>> {
  const db = getDb();
  const pattern = containsLikePattern(search);
  const where = search.trim()
    ? or(sql`lower(${tags.name}) like ${pattern} escape '\\'`, sql`${tags.slug} like ${pattern} escape '\\'`)
    : undefined;
  const total = db.select({ n: count() }).from(tags).where(where).get()?.n ?? 0;
  const items = db
    .select(tagAdminColumns(now))
    .from(tags)
    .where(where)
    .orderBy(sql`${tags.name} collate nocase`, tags.id)
    .limit(TAGS_PER_PAGE)
    .offset(pageOffset(page, TAGS_PER_PAGE))
    .all();
  return { items, page, total, pageCount: countPages(total, TAGS_PER_PAGE) };
}

export async function getTagForAdmin({ tagId, now = currentTime() }: { tagId: number; now?: Date }): Promise<TagAdminItem | null> {
  return getDb().select(tagAdminColumns(now)).from(tags).where(eq(tags.id, tagId)).get() ?? null;
}

// The tags another one can be merged into: all of them but itself, by name.
export async function listTagMergeTargets({ exceptTagId }: { exceptTagId: number }): Promise<TagChoice[]> {
  return getDb()
    .select({ id: tags.id, slug: tags.slug, name: tags.name })
    .from(tags)
    .where(ne(tags.id, exceptTagId))
    .orderBy(sql`${tags.name} collate nocase`, tags.id)
    .all();
}

// The articles carrying a tag whose pages readers can see (and a cache can hold).
function visibleArticleIdsWithTag(tx: Transaction, tagId: number, now: Date): number[] {
  return tx
    .select({ id: articles.id })
    .from(articleTags)
    .innerJoin(articles, eq(articles.id, articleTags.articleId))
    .where(and(eq(articleTags.tagId, tagId), isVisibleToReaders(now)))
    .all()
    .map((row) => row.id);
}

function slugTakenByAnother(tx: Transaction, slug: string, tagId: number): boolean {
  return tx.select({ id: tags.id }).from(tags).where(and(eq(tags.slug, slug), ne(tags.id, tagId))).get() !== undefined;
}

export type RenameTagResult = { ok: true; changed: boolean } | { ok: false; reason: "not-found" | "slug-taken" };

// Changes a tag's name and slug. A new slug keeps the old URL answering with a 301; the tag's
// page and every visible article showing the tag change.
export async function renameTag({
  tagId,
  name,
  slug,
  now = currentTime(),
}: {
  tagId: number;
  name: string;
  slug: string;
  now?: Date;
}): Promise<RenameTagResult> {
  return inWriteTransaction((tx) => {
    const current = tx.select({ slug: tags.slug, name: tags.name }).from(tags).where(eq(tags.id, tagId)).get();
    if (!current) return { ok: false, reason: "not-found" } as const;
    if (current.slug === slug && current.name === name) return { ok: true, changed: false } as const;
    if (slug !== current.slug && slugTakenByAnother(tx, slug, tagId)) return { ok: false, reason: "slug-taken" } as const;
    tx.update(tags).set({ name, slug }).where(eq(tags.id, tagId)).run();
    recordSlugChange(tx, { kind: "tag", targetId: tagId, oldSlug: current.slug, newSlug: slug });
    invalidateCacheTags(tx, [cacheTags.tag(tagId), ...visibleArticleIdsWithTag(tx, tagId, now).map((id) => cacheTags.article(id))]);
    return { ok: true, changed: true } as const;
  });
}

export type MergeTagsResult =
  | { ok: true; movedArticles: number }
  | { ok: false; reason: "not-found" | "target-not-found" | "same-tag" };

// Merges one tag into another: the source's articles get the target (an article carrying both
// keeps one link), the source's URL and its old URLs lead to the target, and the source is
// deleted. Changes the source's page, the target's page when it gains a visible article, and
// every visible article that carried the source (its tag list changes either way).
export async function mergeTags({
  sourceTagId,
  targetTagId,
  now = currentTime(),
}: {
  sourceTagId: number;
  targetTagId: number;
  now?: Date;
}): Promise<MergeTagsResult> {
  if (sourceTagId === targetTagId) return { ok: false, reason: "same-tag" };
  return inWriteTransaction((tx) => {
    const source = tx.select({ slug: tags.slug }).from(tags).where(eq(tags.id, sourceTagId)).get();
    if (!source) return { ok: false, reason: "not-found" } as const;
    const target = tx.select({ slug: tags.slug }).from(tags).where(eq(tags.id, targetTagId)).get();
    if (!target) return { ok: false, reason: "target-not-found" } as const;

    const sourceArticleIds = tx
      .select({ articleId: articleTags.articleId })
      .from(articleTags)
      .where(eq(articleTags.tagId, sourceTagId))
      .all()
      .map((row) => row.articleId);
    const alreadyOnTarget = new Set(
      sourceArticleIds.length === 0
        ? []
        : tx
            .select({ articleId: articleTags.articleId })
            .from(articleTags)
            .where(and(eq(articleTags.tagId, targetTagId), inArray(articleTags.articleId, sourceArticleIds)))
            .all()
            .map((row) => row.articleId),
    );
    const moved = sourceArticleIds.filter((id) => !alreadyOnTarget.has(id));
    const visibleFromSource = visibleArticleIdsWithTag(tx, sourceTagId, now);

    for (const articleId of moved) tx.insert(articleTags).values({ articleId, tagId: targetTagId }).run();
    moveSlugRedirects(tx, { kind: "tag", fromId: sourceTagId, toId: targetTagId });
    recordSlugChange(tx, { kind: "tag", targetId: targetTagId, oldSlug: source.slug, newSlug: target.slug });
    // Its remaining links (to articles that already carried the target) go with it (cascade).
    tx.delete(tags).where(eq(tags.id, sourceTagId)).run();

    const targetGainsVisible = visibleFromSource.some((id) => !alreadyOnTarget.has(id));
    invalidateCacheTags(tx, [
      cacheTags.tag(sourceTagId),
      ...(targetGainsVisible ? [cacheTags.tag(targetTagId)] : []),
      ...visibleFromSource.map((id) => cacheTags.article(id)),
    ]);
    return { ok: true, movedArticles: moved.length } as const;
  });
}

export type DeleteTagResult = { ok: true; articleCount: number } | { ok: false; reason: "not-found" };

// Deletes a tag: its articles keep their other tags; its page and its old URLs answer 404.
export async function deleteTag({ tagId, now = currentTime() }: { tagId: number; now?: Date }): Promise<DeleteTagResult> {
  return inWriteTransaction((tx) => {
    const existing = tx.select({ id: tags.id }).from(tags).where(eq(tags.id, tagId)).get();
    if (!existing) return { ok: false, reason: "not-found" } as const;
    const articleCount = tx.select({ n: count() }).from(articleTags).where(eq(articleTags.tagId, tagId)).get()?.n ?? 0;
    const visible = visibleArticleIdsWithTag(tx, tagId, now);
    tx.delete(tags).where(eq(tags.id, tagId)).run();
    deleteSlugRedirectsTo(tx, { kind: "tag", targetId: tagId });
    invalidateCacheTags(tx, [cacheTags.tag(tagId), ...visible.map((id) => cacheTags.article(id))]);
    return { ok: true, articleCount } as const;
  });
}
