import { count } from "drizzle-orm";
import { inWriteTransaction, type Db } from "./client";
import { demoArticles } from "./demo/demo-articles";
import { demoComments, demoPublication, demoTags, demoUsers } from "./demo/demo-people";
import {
  seedArticleParagraphs,
  seedArticlePublishedAt,
  seedArticleSlug,
  seedArticleTitle,
} from "./demo/seed-article";
import { articles, articleTags, comments, publications, tags, users } from "./schema";

function requireId(map: Map<string, number>, slug: string, what: string): number {
  const id = map.get(slug);
  if (id === undefined) throw new Error(`Demo content refers to unknown ${what} "${slug}"`);
  return id;
}

export function isDatabaseEmpty(db: Pick<Db, "select">): boolean {
  const userCount = db.select({ n: count() }).from(users).get()?.n ?? 0;
  const articleCount = db.select({ n: count() }).from(articles).get()?.n ?? 0;
  return userCount === 0 && articleCount === 0;
}

// Starter content for a brand-new site, as WordPress and Ghost create theirs. Runs only against
// an empty database, in one transaction, so a crash mid-way leaves nothing half-seeded.
export function seedDemoContent(db: Db): boolean {
  return inWriteTransaction((tx) => {
    if (!isDatabaseEmpty(tx)) return false;

    const userIds = new Map<string, number>();
    for (const user of demoUsers) {
      const row = tx
        .insert(users)
        .values({ ...user, passwordHash: null })
        .returning({ id: users.id })
        .get();
      userIds.set(user.slug, row.id);
    }

    const publicationRow = tx.insert(publications).values(demoPublication).returning({ id: publications.id }).get();
    const publicationIds = new Map([[demoPublication.slug, publicationRow.id]]);

    const tagIds = new Map<string, number>();
    for (const tag of demoTags) {
      tagIds.set(tag.slug, tx.insert(tags).values(tag).returning({ id: tags.id }).get().id);
    }

    const seedArticle = {
      slug: seedArticleSlug,
      title: seedArticleTitle,
      excerpt: seedArticleParagraphs[0] ?? "",
      body: seedArticleParagraphs.join("\n\n"),
      authorSlug: "owen",
      publicationSlug: demoPublication.slug,
      tagSlugs: ["diplomacy", "opinion", "translation"],
      publishedAt: seedArticlePublishedAt,
      originalLanguage: "ja",
    };

    const articleIds = new Map<string, number>();
    for (const article of [seedArticle, ...demoArticles]) {
      const publishedAt = new Date(article.publishedAt);
      const row = tx
        .insert(articles)
        .values({
          slug: article.slug,
          title: article.title,
          excerpt: article.excerpt,
          body: article.body,
          status: "published",
          publishedAt,
          createdAt: publishedAt,
          updatedAt: publishedAt,
          authorId: requireId(userIds, article.authorSlug, "author"),
          publicationId:
            article.publicationSlug === null ? null : requireId(publicationIds, article.publicationSlug, "publication"),
          originalTitle: "originalTitle" in article ? (article.originalTitle ?? null) : null,
          originalUrl: "originalUrl" in article ? (article.originalUrl ?? null) : null,
          originalLanguage: article.originalLanguage ?? null,
        })
        .returning({ id: articles.id })
        .get();
      articleIds.set(article.slug, row.id);
      for (const tagSlug of article.tagSlugs) {
        tx.insert(articleTags)
          .values({ articleId: row.id, tagId: requireId(tagIds, tagSlug, "tag") })
          .run();
      }
    }

    const commentIds: number[] = [];
    demoComments.forEach((comment, index) => {
      const articleId = requireId(articleIds, comment.articleSlug, "article");
      const createdAt = new Date(Date.UTC(2021, 2, 5, 12, index * 10));
      const parentId = comment.replyTo === null ? null : (commentIds[comment.replyTo] ?? null);
      const row = tx
        .insert(comments)
        .values({
          articleId,
          parentId,
          authorId: requireId(userIds, comment.authorSlug, "user"),
          body: comment.body,
          status: "approved",
          createdAt,
          updatedAt: createdAt,
        })
        .returning({ id: comments.id })
        .get();
      commentIds.push(row.id);
    });
    return true;
  }, db);
}
