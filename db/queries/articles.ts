import { and, count, desc, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import { cacheTags, recordCacheTags } from "../../lib/cache-tags";
import { currentTime } from "../../lib/clock";
import { countPages, pageOffset, type Page } from "../../lib/pagination";
import { readingMinutes } from "../../lib/reading-time";
import { getDb } from "../client";
import { articles, articleTags, media, publications, tags, users } from "../schema";
import { approvedCommentCount, isVisibleToReaders } from "./article-visibility";
import { publicationProfileColumns, type PublicationProfile } from "./publications";
import { getSiteSettings } from "./site-settings";

export type ArticleSummary = {
  id: number;
  slug: string;
  title: string;
  excerpt: string;
  publishedAt: Date;
  commentCount: number;
  // From the body at read time: listings load at most a page of bodies, and the rendered page is
  // cached, so a stored count (and its backfill) would buy nothing.
  readingMinutes: number;
  author: { id: number; slug: string; displayName: string };
  // The cover's variants for a listing thumbnail (narrowest first); null without a cover.
  cover: { mediaId: string; variants: { width: number; height: number }[] } | null;
};

export type PublishedArticle = {
  id: number;
  slug: string;
  title: string;
  excerpt: string;
  body: string;
  publishedAt: Date;
  updatedAt: Date;
  readingMinutes: number;
  commentsOpen: boolean;
  originalTitle: string | null;
  originalUrl: string | null;
  originalLanguage: string | null;
  author: { id: number; slug: string; displayName: string; bio: string };
  publication: PublicationProfile | null;
  tags: { id: number; slug: string; name: string }[];
  cover: ArticleCoverImage | null;
};

// The cover as readers get it: the upload's variants (narrowest first), its alt text ("" when
// decorative) and caption (plain text).
export type ArticleCoverImage = {
  mediaId: string;
  variants: { width: number; height: number }[];
  alt: string;
  decorative: boolean;
  caption: string;
};

export async function getPublishedArticleBySlug({
  slug,
  now = currentTime(),
}: {
  slug: string;
  now?: Date;
}): Promise<PublishedArticle | null> {
  const db = getDb();
  const row = db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      excerpt: articles.excerpt,
      body: articles.body,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      commentsOpen: articles.commentsOpen,
      originalTitle: articles.originalTitle,
      originalUrl: articles.originalUrl,
      originalLanguage: articles.originalLanguage,
      author: { id: users.id, slug: users.slug, displayName: users.displayName, bio: users.bio },
      publicationId: articles.publicationId,
      coverMediaId: articles.coverMediaId,
      coverAlt: articles.coverAlt,
      coverDecorative: articles.coverDecorative,
      coverCaption: articles.coverCaption,
    })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .where(and(eq(articles.slug, slug), isVisibleToReaders(now)))
    .get();
  if (!row || !row.publishedAt) return null;

  const publication =
    row.publicationId === null
      ? null
      : (db
          .select(publicationProfileColumns)
          .from(publications)
          .where(eq(publications.id, row.publicationId))
          .get() ?? null);

  const articleTagList = db
    .select({ id: tags.id, slug: tags.slug, name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, row.id))
    .orderBy(tags.name)
    .all();

  recordCacheTags(
    cacheTags.article(row.id),
    cacheTags.author(row.author.id),
    ...(publication ? [cacheTags.publication(publication.id)] : []),
    ...articleTagList.map((tag) => cacheTags.tag(tag.id)),
  );

  const coverMedia =
    row.coverMediaId === null ? undefined : db.select({ variants: media.variants }).from(media).where(eq(media.id, row.coverMediaId)).get();

  const { publicationId: _publicationId, coverMediaId, coverAlt, coverDecorative, coverCaption, ...article } = row;
  return {
    ...article,
    publishedAt: row.publishedAt,
    readingMinutes: readingMinutes(row.body),
    publication,
    tags: articleTagList,
    cover:
      coverMediaId !== null && coverMedia && coverMedia.variants.length > 0
        ? { mediaId: coverMediaId, variants: coverMedia.variants, alt: coverDecorative ? "" : coverAlt, decorative: coverDecorative, caption: coverCaption }
        : null,
  };
}

const summaryColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  excerpt: articles.excerpt,
  publishedAt: articles.publishedAt,
  body: articles.body,
  commentCount: approvedCommentCount,
  author: { id: users.id, slug: users.slug, displayName: users.displayName },
  coverMediaId: articles.coverMediaId,
  coverVariants: media.variants,
};

// One listing shape for every page that lists articles: the home page, an author's, a
// publication's and a tag's. `scope` narrows the visible articles; `listingTag` is the tag whose
// invalidation means "an article joined or left this listing".
async function listVisibleArticles({
  scope,
  listingTag,
  page,
  perPage,
  now,
}: {
  scope: SQL | undefined;
  listingTag: string;
  page: number;
  // The admins' setting when not given.
  perPage: number | undefined;
  now: Date;
}): Promise<Page<ArticleSummary>> {
  const db = getDb();
  perPage ??= (await getSiteSettings()).articlesPerPage;
  const where = and(isVisibleToReaders(now), scope);
  const total = db.select({ total: count() }).from(articles).where(where).get()?.total ?? 0;
  const rows = db
    .select(summaryColumns)
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(media, eq(media.id, articles.coverMediaId))
    .where(where)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(perPage)
    .offset(pageOffset(page, perPage))
    .all();

  recordCacheTags(
    listingTag,
    ...rows.flatMap((row) => [cacheTags.article(row.id), cacheTags.author(row.author.id)]),
  );
  const items = rows.map(({ body, coverMediaId, coverVariants, ...row }) => ({
    ...row,
    publishedAt: row.publishedAt ?? new Date(0),
    readingMinutes: readingMinutes(body),
    cover: coverMediaId !== null && coverVariants && coverVariants.length > 0 ? { mediaId: coverMediaId, variants: coverVariants } : null,
  }));
  return { items, page, total, pageCount: countPages(total, perPage) };
}

export function listPublishedArticles({
  page,
  perPage,
  now = currentTime(),
}: {
  page: number;
  perPage?: number;
  now?: Date;
}): Promise<Page<ArticleSummary>> {
  return listVisibleArticles({ scope: undefined, listingTag: cacheTags.articleListing, page, perPage, now });
}

export function listPublishedArticlesByAuthor({
  authorId,
  page,
  perPage,
  now = currentTime(),
}: {
  authorId: number;
  page: number;
  perPage?: number;
  now?: Date;
}): Promise<Page<ArticleSummary>> {
  return listVisibleArticles({
    scope: eq(articles.authorId, authorId),
    listingTag: cacheTags.author(authorId),
    page,
    perPage,
    now,
  });
}

export function listPublishedArticlesByPublication({
  publicationId,
  page,
  perPage,
  now = currentTime(),
}: {
  publicationId: number;
  page: number;
  perPage?: number;
  now?: Date;
}): Promise<Page<ArticleSummary>> {
  return listVisibleArticles({
    scope: eq(articles.publicationId, publicationId),
    listingTag: cacheTags.publication(publicationId),
    page,
    perPage,
    now,
  });
}

export function listPublishedArticlesByTag({
  tagId,
  page,
  perPage,
  now = currentTime(),
}: {
  tagId: number;
  page: number;
  perPage?: number;
  now?: Date;
}): Promise<Page<ArticleSummary>> {
  const db = getDb();
  const taggedArticleIds = db
    .select({ articleId: articleTags.articleId })
    .from(articleTags)
    .where(eq(articleTags.tagId, tagId));
  return listVisibleArticles({
    scope: inArray(articles.id, taggedArticleIds),
    listingTag: cacheTags.tag(tagId),
    page,
    perPage,
    now,
  });
}

// The archive of a month (or year): articles published in [start, end), the instants of its
// boundaries in the site's time zone. Any article appearing, disappearing or moving in time
// invalidates the site-wide listing tag, so the archive records that one.
export function listPublishedArticlesBetween({
  start,
  end,
  page,
  perPage,
  now = currentTime(),
}: {
  start: Date;
  end: Date;
  page: number;
  perPage?: number;
  now?: Date;
}): Promise<Page<ArticleSummary>> {
  return listVisibleArticles({
    scope: and(gte(articles.publishedAt, start), lt(articles.publishedAt, end)),
    listingTag: cacheTags.articleListing,
    page,
    perPage,
    now,
  });
}

export async function countPublishedArticlesByAuthor({
  authorId,
  now = currentTime(),
}: {
  authorId: number;
  now?: Date;
}): Promise<number> {
  recordCacheTags(cacheTags.author(authorId));
  const row = getDb()
    .select({ total: count() })
    .from(articles)
    .where(and(eq(articles.authorId, authorId), isVisibleToReaders(now)))
    .get();
  return row?.total ?? 0;
}

// A cheap existence check for the serving path, which decides 404s before Next renders.
export async function publishedArticleExists({ slug, now = currentTime() }: { slug: string; now?: Date }): Promise<boolean> {
  const row = getDb()
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.slug, slug), isVisibleToReaders(now)))
    .get();
  return row !== undefined;
}
