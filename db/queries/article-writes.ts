import { eq } from "drizzle-orm";
import { tagsForArticle } from "../../lib/cache-tags";
import { invalidateCacheTags } from "../cache-invalidation";
import { inWriteTransaction, type Transaction } from "../client";
import { articles, articleTags, type ArticleStatus } from "../schema";
import { currentTime } from "../../lib/clock";
import { arrivalNeighbourTags } from "./article-neighbours";


export function tagIdsOf(tx: Transaction, articleId: number): number[] {
  return tx
    .select({ tagId: articleTags.tagId })
    .from(articleTags)
    .where(eq(articleTags.articleId, articleId))
    .all()
    .map((row) => row.tagId);
}

export type NewArticleInput = {
  slug: string;
  title: string;
  excerpt?: string;
  body?: string;
  status: ArticleStatus;
  publishedAt?: Date | null;
  authorId: number;
  publicationId?: number | null;
  tagIds?: number[];
  commentsOpen?: boolean;
};

export async function createArticle(input: NewArticleInput): Promise<number> {
  return inWriteTransaction((tx) => {
    const now = currentTime();
    const row = tx
      .insert(articles)
      .values({
        slug: input.slug,
        title: input.title,
        excerpt: input.excerpt ?? "",
        body: input.body ?? "",
        status: input.status,
        publishedAt: input.publishedAt ?? (input.status === "published" ? now : null),
        authorId: input.authorId,
        publicationId: input.publicationId ?? null,
        commentsOpen: input.commentsOpen ?? true,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: articles.id })
      .get();
    for (const tagId of input.tagIds ?? []) tx.insert(articleTags).values({ articleId: row.id, tagId }).run();
    if (input.status !== "draft") {
      invalidateCacheTags(tx, [
        ...tagsForArticle({
          id: row.id,
          authorId: input.authorId,
          publicationId: input.publicationId ?? null,
          tagIds: input.tagIds ?? [],
        }),
        // Its neighbours' previous/next links now point at it.
        ...arrivalNeighbourTags(
          tx,
          { before: null, after: { id: row.id, status: input.status, publishedAt: input.publishedAt ?? (input.status === "published" ? now : null) } },
          now,
        ),
      ]);
    }
    return row.id;
  });
}

// Publishing, scheduling and unpublishing all change which listings show the article.
export async function setArticleStatus({
  articleId,
  status,
  publishedAt,
}: {
  articleId: number;
  status: ArticleStatus;
  publishedAt?: Date | null;
}): Promise<boolean> {
  return inWriteTransaction((tx) => {
    const current = tx
      .select({
        authorId: articles.authorId,
        publicationId: articles.publicationId,
        status: articles.status,
        publishedAt: articles.publishedAt,
      })
      .from(articles)
      .where(eq(articles.id, articleId))
      .get();
    if (!current) return false;
    const now = currentTime();
    const nextPublishedAt =
      publishedAt !== undefined ? publishedAt : status === "published" ? (current.publishedAt ?? new Date()) : current.publishedAt;
    tx.update(articles)
      .set({ status, publishedAt: nextPublishedAt, updatedAt: new Date() })
      .where(eq(articles.id, articleId))
      .run();
    invalidateCacheTags(tx, [
      ...tagsForArticle({ id: articleId, authorId: current.authorId, publicationId: current.publicationId, tagIds: tagIdsOf(tx, articleId) }),
      // The neighbours around its new place now link it.
      ...arrivalNeighbourTags(tx, { before: { id: articleId, ...current }, after: { id: articleId, status, publishedAt: nextPublishedAt } }, now),
    ]);
    return true;
  });
}

export async function updateArticleContent({
  articleId,
  title,
  excerpt,
  body,
}: {
  articleId: number;
  title?: string;
  excerpt?: string;
  body?: string;
}): Promise<boolean> {
  return inWriteTransaction((tx) => {
    const updated = tx
      .update(articles)
      .set({
        ...(title === undefined ? {} : { title }),
        ...(excerpt === undefined ? {} : { excerpt }),
        ...(body === undefined ? {} : { body }),
        updatedAt: new Date(),
      })
      .where(eq(articles.id, articleId))
      .returning({ authorId: articles.authorId, publicationId: articles.publicationId })
      .get();
    if (!updated) return false;
    invalidateCacheTags(tx, tagsForArticle({ id: articleId, ...updated, tagIds: tagIdsOf(tx, articleId) }));
    return true;
  });
}
