import { count, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoArticles } from "@/db/demo/demo-articles";
import { demoPublication, demoUsers } from "@/db/demo/demo-people";
import {
  owenBio,
  seedArticleParagraphs,
  seedArticlePublishedAt,
  seedArticleSlug,
  seedArticleTitle,
} from "@/db/demo/seed-article";
import { countPublishedArticlesByAuthor, getPublishedArticleBySlug, listPublishedArticles } from "@/db/queries/articles";
import { getAuthorBySlug } from "@/db/queries/authors";
import { listArticleComments } from "@/db/queries/comments";
import { articles, articleTags, comments, publications, tags, users } from "@/db/schema";
import { seedDemoContent } from "@/db/seed";
import { siteSettingsDefaults } from "@/lib/site-settings";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

const ARTICLES_PER_PAGE = siteSettingsDefaults.articlesPerPage;

let temp: TempDatabase;

beforeAll(() => {
  temp = createTempDatabase();
});

afterAll(() => {
  temp.cleanup();
});

function tableCounts() {
  const { db } = temp;
  return {
    users: db.select({ n: count() }).from(users).get()?.n,
    articles: db.select({ n: count() }).from(articles).get()?.n,
    publications: db.select({ n: count() }).from(publications).get()?.n,
    tags: db.select({ n: count() }).from(tags).get()?.n,
    articleTags: db.select({ n: count() }).from(articleTags).get()?.n,
    comments: db.select({ n: count() }).from(comments).get()?.n,
  };
}

describe("the seed article", () => {
  it("is published on 2021-08-03 with the original title", async () => {
    const article = await getPublishedArticleBySlug({ slug: seedArticleSlug });
    expect(article).not.toBeNull();
    expect(article?.title).toBe(seedArticleTitle);
    expect(article?.publishedAt.toISOString()).toBe(new Date(seedArticlePublishedAt).toISOString());
    expect(article?.publishedAt.toISOString().slice(0, 10)).toBe("2021-08-03");
  });

  it("contains every seed paragraph, in order", async () => {
    const article = await getPublishedArticleBySlug({ slug: seedArticleSlug });
    const body = article?.body ?? "";
    expect(seedArticleParagraphs.length).toBeGreaterThan(0);
    let cursor = 0;
    for (const paragraph of seedArticleParagraphs) {
      const position = body.indexOf(paragraph, cursor);
      expect(position, `paragraph missing or out of order: ${paragraph.slice(0, 60)}…`).toBeGreaterThanOrEqual(cursor);
      cursor = position + paragraph.length;
    }
  });

  it("is written by Owen, whose bio is the original one", async () => {
    const article = await getPublishedArticleBySlug({ slug: seedArticleSlug });
    expect(article?.author.slug).toBe("owen");
    expect(article?.author.displayName).toBe("Owen");
    expect(article?.author.bio).toBe(owenBio);
    const owen = await getAuthorBySlug({ slug: "owen" });
    expect(owen?.bio).toBe(owenBio);
  });

  it("credits the fictional Kohoku Shimbun", async () => {
    const article = await getPublishedArticleBySlug({ slug: seedArticleSlug });
    expect(article?.publication).not.toBeNull();
    expect(article?.publication?.slug).toBe(demoPublication.slug);
    expect(article?.publication?.name).toBe("The Kohoku Shimbun (fictional)");
    expect(article?.publication?.name).toMatch(/fictional/i);
    expect(article?.originalLanguage).toBe("ja");
  });

  it("is tagged diplomacy, opinion and translation", async () => {
    const article = await getPublishedArticleBySlug({ slug: seedArticleSlug });
    expect(article?.tags.map((tag) => tag.slug).sort()).toEqual(["diplomacy", "opinion", "translation"]);
  });

  it("has no approved comments", async () => {
    const article = await getPublishedArticleBySlug({ slug: seedArticleSlug });
    expect(article).not.toBeNull();
    expect(await listArticleComments({ articleId: article?.id ?? -1 })).toEqual([]);
  });
});

describe("demo content", () => {
  it("gives Owen exactly 15 reader-visible articles", async () => {
    const owen = await getAuthorBySlug({ slug: "owen" });
    expect(owen).not.toBeNull();
    expect(await countPublishedArticlesByAuthor({ authorId: owen?.id ?? -1 })).toBe(15);
  });

  it("gives no user a password, so no demo account can sign in", () => {
    const withPassword = temp.db.select({ slug: users.slug }).from(users).where(isNotNull(users.passwordHash)).all();
    expect(withPassword).toEqual([]);
    expect(temp.db.select({ n: count() }).from(users).get()?.n).toBe(demoUsers.length);
  });

  it("uses only reserved .invalid addresses for demo accounts", () => {
    const emails = temp.db.select({ email: users.email }).from(users).all();
    for (const { email } of emails) expect(email).toMatch(/@demo\.invalid$/);
  });

  it("ships a threaded approved comment under the welcome article", async () => {
    const welcome = await getPublishedArticleBySlug({ slug: "welcome-to-the-demo-platform" });
    const thread = await listArticleComments({ articleId: welcome?.id ?? -1 });
    expect(thread).toHaveLength(2);
    expect(thread[0]?.parentId).toBeNull();
    expect(thread[1]?.parentId).toBe(thread[0]?.id);
    expect(thread[1]?.author?.slug).toBe("owen");
  });

  it("fills more than one page of the home listing, newest first", async () => {
    const first = await listPublishedArticles({ page: 1 });
    expect(first.total).toBe(demoArticles.length + 1);
    expect(first.total).toBeGreaterThan(ARTICLES_PER_PAGE);
    expect(first.pageCount).toBe(Math.ceil(first.total / ARTICLES_PER_PAGE));
    expect(first.items).toHaveLength(ARTICLES_PER_PAGE);
    const second = await listPublishedArticles({ page: 2 });
    expect(second.items.length).toBeGreaterThan(0);
    const firstIds = new Set(first.items.map((item) => item.id));
    expect(second.items.some((item) => firstIds.has(item.id))).toBe(false);
  });
});

describe("seeding again", () => {
  it("returns false and creates no duplicates", () => {
    const before = tableCounts();
    expect(seedDemoContent(temp.db)).toBe(false);
    expect(tableCounts()).toEqual(before);
    const seedRows = temp.db.select({ id: articles.id }).from(articles).where(eq(articles.slug, seedArticleSlug)).all();
    expect(seedRows).toHaveLength(1);
  });
});
