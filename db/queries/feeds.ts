import { and, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { cacheTags, recordCacheTags } from "../../lib/cache-tags";
import { currentTime } from "../../lib/clock";
import { getDb } from "../client";
import { articles, articleTags, comments, media, tags, users } from "../schema";
import { isVisibleToReaders } from "./article-visibility";

export type FeedArticle = {
  id: number;
  slug: string;
  title: string;
  excerpt: string;
  body: string;
  publishedAt: Date;
  updatedAt: Date;
  author: { id: number; slug: string; displayName: string };
  tags: { id: number; slug: string; name: string }[];
  // The cover's widest variant, its alt text ("" when decorative) and caption; null without one.
  cover: { mediaId: string; width: number; height: number; alt: string; caption: string } | null;
};

// Which articles a feed lists: the whole site's, or one author's, publication's or tag's.
export type FeedScope =
  | { kind: "site" }
  | { kind: "author"; authorId: number }
  | { kind: "publication"; publicationId: number }
  | { kind: "tag"; tagId: number };

export const FEED_ARTICLE_LIMIT = 20;

function scopeFilter(scope: FeedScope): { where: SQL | undefined; listingTag: string } {
  switch (scope.kind) {
    case "site":
      return { where: undefined, listingTag: cacheTags.articleListing };
    case "author":
      return { where: eq(articles.authorId, scope.authorId), listingTag: cacheTags.author(scope.authorId) };
    case "publication":
      return {
        where: eq(articles.publicationId, scope.publicationId),
        listingTag: cacheTags.publication(scope.publicationId),
      };
    case "tag":
      return {
        where: inArray(
          articles.id,
          getDb().select({ articleId: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, scope.tagId)),
        ),
        listingTag: cacheTags.tag(scope.tagId),
      };
  }
}

// The latest reader-visible articles of a feed, newest first, with their full Markdown body.
// Records the same tags as the listing pages, so a feed is refreshed with the page it mirrors.
export async function listFeedArticles({
  scope,
  limit = FEED_ARTICLE_LIMIT,
  now = currentTime(),
}: {
  scope: FeedScope;
  limit?: number;
  now?: Date;
}): Promise<FeedArticle[]> {
  const db = getDb();
  const { where, listingTag } = scopeFilter(scope);
  const rows = db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      excerpt: articles.excerpt,
      body: articles.body,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      author: { id: users.id, slug: users.slug, displayName: users.displayName },
      coverMediaId: articles.coverMediaId,
      coverVariants: media.variants,
      coverAlt: articles.coverAlt,
      coverDecorative: articles.coverDecorative,
      coverCaption: articles.coverCaption,
    })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(media, eq(media.id, articles.coverMediaId))
    .where(and(isVisibleToReaders(now), where))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .all();

  const tagRows =
    rows.length === 0
      ? []
      : db
          .select({ articleId: articleTags.articleId, id: tags.id, slug: tags.slug, name: tags.name })
          .from(articleTags)
          .innerJoin(tags, eq(tags.id, articleTags.tagId))
          .where(
            inArray(
              articleTags.articleId,
              rows.map((row) => row.id),
            ),
          )
          .orderBy(tags.name)
          .all();

  recordCacheTags(
    listingTag,
    ...rows.flatMap((row) => [cacheTags.article(row.id), cacheTags.author(row.author.id)]),
    ...new Set(tagRows.map((tag) => cacheTags.tag(tag.id))),
  );
  return rows.map(({ coverMediaId, coverVariants, coverAlt, coverDecorative, coverCaption, ...row }) => {
    const widest = coverVariants?.[coverVariants.length - 1];
    return {
      ...row,
      publishedAt: row.publishedAt ?? new Date(0),
      tags: tagRows.filter((tag) => tag.articleId === row.id).map(({ articleId: _articleId, ...tag }) => tag),
      cover:
        coverMediaId !== null && widest
          ? { mediaId: coverMediaId, width: widest.width, height: widest.height, alt: coverDecorative ? "" : coverAlt, caption: coverCaption }
          : null,
    };
  });
}

export type FeedComment = {
  id: number;
  body: string;
  createdAt: Date;
  authorName: string | null;
};

export type ArticleCommentsFeed = {
  article: { id: number; slug: string; title: string; publishedAt: Date };
  comments: FeedComment[];
};

export const FEED_COMMENT_LIMIT = 50;

// A reader-visible article's latest approved comments (deleted placeholders left out), newest first.
export async function getArticleCommentsFeed({
  slug,
  limit = FEED_COMMENT_LIMIT,
  now = currentTime(),
}: {
  slug: string;
  limit?: number;
  now?: Date;
}): Promise<ArticleCommentsFeed | null> {
  const db = getDb();
  const article = db
    .select({ id: articles.id, slug: articles.slug, title: articles.title, publishedAt: articles.publishedAt })
    .from(articles)
    .where(and(eq(articles.slug, slug), isVisibleToReaders(now)))
    .get();
  if (!article || !article.publishedAt) return null;
  recordCacheTags(cacheTags.article(article.id));

  const rows = db
    .select({
      id: comments.id,
      body: comments.body,
      createdAt: comments.createdAt,
      authorId: comments.authorId,
      authorName: users.displayName,
    })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.articleId, article.id), eq(comments.status, "approved"), isNull(comments.deletedAt)))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(limit)
    .all();
  // A commenter's name can change; their tag refreshes the feeds showing it.
  recordCacheTags(...new Set(rows.flatMap((row) => (row.authorId === null ? [] : [cacheTags.author(row.authorId)]))));
  return {
    article: { ...article, publishedAt: article.publishedAt },
    comments: rows.map(({ authorId: _authorId, ...comment }) => comment),
  };
}
