import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoArticles } from "@/db/demo/demo-articles";
import { demoPublication } from "@/db/demo/demo-people";
import { seedArticleSlug } from "@/db/demo/seed-article";
import { createArticle, setArticleStatus } from "@/db/queries/article-writes";
import {
  countPublishedArticlesByAuthor,
  getPublishedArticleBySlug,
  listPublishedArticles,
  listPublishedArticlesByAuthor,
  listPublishedArticlesByPublication,
  listPublishedArticlesByTag,
  type ArticleSummary,
} from "@/db/queries/articles";
import { getAuthorBySlug } from "@/db/queries/authors";
import { insertComment } from "@/db/queries/comment-writes";
import { listArticleComments } from "@/db/queries/comments";
import { getPublicationBySlug } from "@/db/queries/publications";
import { getTagBySlug } from "@/db/queries/tags";
import { getUserIdBySlug } from "@/db/queries/users";
import { users } from "@/db/schema";
import { siteSettingsDefaults } from "@/lib/site-settings";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

const ARTICLES_PER_PAGE = siteSettingsDefaults.articlesPerPage;

let temp: TempDatabase;
let owenId: number;
let minaId: number;
let samId: number;
let publicationId: number;

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const seededTotal = demoArticles.length + 1;

async function requireUserId(slug: string): Promise<number> {
  const id = await getUserIdBySlug({ slug });
  if (id === null) throw new Error(`no user ${slug}`);
  return id;
}

function expectNewestFirst(items: ArticleSummary[]): void {
  for (let i = 1; i < items.length; i += 1) {
    const previous = items[i - 1];
    const current = items[i];
    if (!previous || !current) throw new Error("unreachable");
    expect(previous.publishedAt.getTime()).toBeGreaterThanOrEqual(current.publishedAt.getTime());
  }
}

async function allPages(list: (page: number) => Promise<{ items: ArticleSummary[]; pageCount: number }>) {
  const first = await list(1);
  const items = [...first.items];
  for (let page = 2; page <= first.pageCount; page += 1) items.push(...(await list(page)).items);
  return items;
}

beforeAll(async () => {
  temp = createTempDatabase();
  owenId = await requireUserId("owen");
  minaId = await requireUserId("mina-demo");
  samId = await requireUserId("sam-demo-reader");
  const publication = await getPublicationBySlug({ slug: demoPublication.slug });
  if (!publication) throw new Error("seeded publication missing");
  publicationId = publication.id;
});

afterAll(() => {
  temp.cleanup();
});

describe("article visibility", () => {
  it("hides a draft from the article page and every listing", async () => {
    const diplomacy = await getTagBySlug({ slug: "diplomacy" });
    await createArticle({
      slug: "a-draft-nobody-sees",
      title: "Draft",
      status: "draft",
      authorId: owenId,
      publicationId,
      tagIds: diplomacy ? [diplomacy.id] : [],
    });
    expect(await getPublishedArticleBySlug({ slug: "a-draft-nobody-sees" })).toBeNull();
    const slugsOf = (items: ArticleSummary[]) => items.map((item) => item.slug);
    expect(slugsOf(await allPages((page) => listPublishedArticles({ page })))).not.toContain("a-draft-nobody-sees");
    expect(slugsOf(await allPages((page) => listPublishedArticlesByAuthor({ authorId: owenId, page })))).not.toContain(
      "a-draft-nobody-sees",
    );
    expect(
      slugsOf(await allPages((page) => listPublishedArticlesByPublication({ publicationId, page }))),
    ).not.toContain("a-draft-nobody-sees");
    expect(
      slugsOf(await allPages((page) => listPublishedArticlesByTag({ tagId: diplomacy?.id ?? -1, page }))),
    ).toEqual([seedArticleSlug]);
    expect(await countPublishedArticlesByAuthor({ authorId: owenId })).toBe(15);
  });

  it("hides an article scheduled in the future until its time comes", async () => {
    const now = new Date();
    const publishAt = new Date(now.getTime() + DAY);
    await createArticle({
      slug: "scheduled-for-tomorrow",
      title: "Tomorrow",
      status: "scheduled",
      publishedAt: publishAt,
      authorId: owenId,
    });
    expect(await getPublishedArticleBySlug({ slug: "scheduled-for-tomorrow", now })).toBeNull();
    const listing = await listPublishedArticles({ page: 1, now });
    expect(listing.items.map((item) => item.slug)).not.toContain("scheduled-for-tomorrow");
    expect(await countPublishedArticlesByAuthor({ authorId: owenId, now })).toBe(15);

    // Exactly at the scheduled moment it becomes visible everywhere.
    expect((await getPublishedArticleBySlug({ slug: "scheduled-for-tomorrow", now: publishAt }))?.title).toBe("Tomorrow");
    const later = await listPublishedArticles({ page: 1, now: publishAt });
    expect(later.items[0]?.slug).toBe("scheduled-for-tomorrow");
    expect(await countPublishedArticlesByAuthor({ authorId: owenId, now: publishAt })).toBe(16);
  });

  it("shows an article whose scheduled time has passed", async () => {
    const id = await createArticle({
      slug: "scheduled-an-hour-ago",
      title: "An hour ago",
      status: "scheduled",
      publishedAt: new Date(Date.now() - HOUR),
      authorId: minaId,
    });
    const article = await getPublishedArticleBySlug({ slug: "scheduled-an-hour-ago" });
    expect(article?.id).toBe(id);
    const listing = await listPublishedArticlesByAuthor({ authorId: minaId, page: 1 });
    expect(listing.items.map((item) => item.slug)).toContain("scheduled-an-hour-ago");
  });

  it("hides an article again when it is moved back to draft, and shows it when published", async () => {
    const id = await createArticle({
      slug: "toggled-article",
      title: "Toggled",
      status: "published",
      publishedAt: new Date(Date.now() - DAY),
      authorId: minaId,
    });
    expect(await getPublishedArticleBySlug({ slug: "toggled-article" })).not.toBeNull();
    expect(await setArticleStatus({ articleId: id, status: "draft", publishedAt: null })).toBe(true);
    expect(await getPublishedArticleBySlug({ slug: "toggled-article" })).toBeNull();
    expect(await setArticleStatus({ articleId: id, status: "published" })).toBe(true);
    const republished = await getPublishedArticleBySlug({ slug: "toggled-article" });
    expect(republished?.id).toBe(id);
  });

  it("moving a published article to a future schedule hides it", async () => {
    const id = await createArticle({
      slug: "rescheduled-article",
      title: "Rescheduled",
      status: "published",
      publishedAt: new Date(Date.now() - DAY),
      authorId: minaId,
    });
    await setArticleStatus({ articleId: id, status: "scheduled", publishedAt: new Date(Date.now() + DAY) });
    expect(await getPublishedArticleBySlug({ slug: "rescheduled-article" })).toBeNull();
  });

  it("returns null for an unknown slug", async () => {
    expect(await getPublishedArticleBySlug({ slug: "no-such-article" })).toBeNull();
  });
});

describe("author pages", () => {
  it("do not exist for a reader account with no articles", async () => {
    expect(await getAuthorBySlug({ slug: "sam-demo-reader" })).toBeNull();
    expect(await countPublishedArticlesByAuthor({ authorId: samId })).toBe(0);
  });

  it("do not exist for an author whose only article is a draft or still scheduled", async () => {
    const row = temp.db
      .insert(users)
      .values({ email: "new-author@demo.invalid", slug: "new-author", displayName: "New Author", role: "author" })
      .returning({ id: users.id })
      .get();
    await createArticle({ slug: "new-author-draft", title: "Draft", status: "draft", authorId: row.id });
    const future = new Date(Date.now() + DAY);
    await createArticle({
      slug: "new-author-scheduled",
      title: "Later",
      status: "scheduled",
      publishedAt: future,
      authorId: row.id,
    });
    expect(await getAuthorBySlug({ slug: "new-author" })).toBeNull();
    expect((await getAuthorBySlug({ slug: "new-author", now: future }))?.id).toBe(row.id);
  });

  it("exist for an author with published work", async () => {
    const owen = await getAuthorBySlug({ slug: "owen" });
    expect(owen).toMatchObject({ id: owenId, slug: "owen", displayName: "Owen" });
  });

  it("list only that author's articles, newest first", async () => {
    const listing = await listPublishedArticlesByAuthor({ authorId: owenId, page: 1 });
    expect(listing.total).toBe(15);
    expect(listing.pageCount).toBe(2);
    expect(listing.items.every((item) => item.author.id === owenId)).toBe(true);
    expect(listing.items[0]?.slug).toBe(seedArticleSlug);
    expectNewestFirst(listing.items);
    const second = await listPublishedArticlesByAuthor({ authorId: owenId, page: 2 });
    expect(second.items).toHaveLength(5);
    expect(second.items.at(-1)?.slug).toBe("welcome-to-the-demo-platform");
  });
});

describe("listing pagination", () => {
  it("returns empty items past the last page, with the real page count", async () => {
    const first = await listPublishedArticles({ page: 1 });
    const beyond = await listPublishedArticles({ page: first.pageCount + 1 });
    expect(beyond.items).toEqual([]);
    expect(beyond.pageCount).toBe(first.pageCount);
    expect(beyond.total).toBe(first.total);
    expect(beyond.page).toBe(first.pageCount + 1);
  });

  it("walks every visible article once, newest first, across pages", async () => {
    const now = new Date();
    const first = await listPublishedArticles({ page: 1, now });
    const items = await allPages((page) => listPublishedArticles({ page, now }));
    expect(items).toHaveLength(first.total);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    expectNewestFirst(items);
    expect(first.pageCount).toBe(Math.ceil(first.total / ARTICLES_PER_PAGE));
  });

  it("has one (empty) page when nothing is visible", async () => {
    const listing = await listPublishedArticlesByAuthor({ authorId: samId, page: 1 });
    expect(listing).toMatchObject({ items: [], total: 0, pageCount: 1, page: 1 });
  });

  it("respects perPage", async () => {
    const listing = await listPublishedArticles({ page: 1, perPage: 3 });
    expect(listing.items).toHaveLength(3);
    expect(listing.pageCount).toBe(Math.ceil(listing.total / 3));
  });

  it("at a fixed moment, the seeded home listing is the demo content, newest first", async () => {
    const now = new Date("2022-01-01T00:00:00Z");
    const listing = await listPublishedArticles({ page: 1, now });
    expect(listing.total).toBe(seededTotal);
    const newest = [...demoArticles].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))[0];
    expect(listing.items[0]?.slug).toBe(newest?.slug);
    expectNewestFirst(listing.items);
  });
});

describe("comment counts", () => {
  it("count only approved comments, and list only approved comments", async () => {
    const articleId = await createArticle({
      slug: "article-with-mixed-comments",
      title: "Mixed comments",
      status: "published",
      publishedAt: new Date(Date.now() - 1000),
      authorId: minaId,
    });
    const approvedOne = await insertComment({ articleId, authorId: samId, body: "approved 1", status: "approved" });
    await insertComment({ articleId, authorId: samId, body: "pending", status: "pending" });
    await insertComment({ articleId, authorId: samId, body: "spam", status: "spam" });
    await insertComment({ articleId, authorId: samId, body: "trash", status: "trash" });
    await insertComment({
      articleId,
      authorId: owenId,
      parentId: approvedOne,
      body: "approved reply",
      status: "approved",
    });

    const listing = await listPublishedArticlesByAuthor({ authorId: minaId, page: 1 });
    const summary = listing.items.find((item) => item.id === articleId);
    expect(summary?.commentCount).toBe(2);

    const shown = await listArticleComments({ articleId });
    expect(shown.map((comment) => comment.body)).toEqual(["approved 1", "approved reply"]);
    expect(shown[1]?.parentId).toBe(approvedOne);
  });

  it("are zero for the seed article and two for the welcome article", async () => {
    const listing = await listPublishedArticlesByAuthor({ authorId: owenId, page: 2 });
    const welcome = listing.items.find((item) => item.slug === "welcome-to-the-demo-platform");
    expect(welcome?.commentCount).toBe(2);
    const first = await listPublishedArticlesByAuthor({ authorId: owenId, page: 1 });
    expect(first.items.find((item) => item.slug === seedArticleSlug)?.commentCount).toBe(0);
  });
});

describe("tag and publication listings", () => {
  it("list exactly the visible articles carrying a tag", async () => {
    const translation = await getTagBySlug({ slug: "translation" });
    expect(translation).toMatchObject({ slug: "translation", name: "Translation" });
    const now = new Date("2022-01-01T00:00:00Z");
    const items = await allPages((page) => listPublishedArticlesByTag({ tagId: translation?.id ?? -1, page, now }));
    const expected = [seedArticleSlug, ...demoArticles.filter((a) => a.tagSlugs.includes("translation")).map((a) => a.slug)];
    expect(items.map((item) => item.slug).sort()).toEqual(expected.sort());
    expectNewestFirst(items);
  });

  it("include a newly published tagged article and exclude a future one", async () => {
    const typography = await getTagBySlug({ slug: "typography" });
    const tagId = typography?.id ?? -1;
    await createArticle({
      slug: "fresh-typography-note",
      title: "Fresh",
      status: "published",
      publishedAt: new Date(Date.now() - 1000),
      authorId: minaId,
      tagIds: [tagId],
    });
    await createArticle({
      slug: "future-typography-note",
      title: "Future",
      status: "scheduled",
      publishedAt: new Date(Date.now() + DAY),
      authorId: minaId,
      tagIds: [tagId],
    });
    const listing = await listPublishedArticlesByTag({ tagId, page: 1 });
    expect(listing.items[0]?.slug).toBe("fresh-typography-note");
    expect(listing.items.map((item) => item.slug)).not.toContain("future-typography-note");
  });

  it("list exactly the visible articles from a publication", async () => {
    const publication = await getPublicationBySlug({ slug: demoPublication.slug });
    expect(publication).toMatchObject({ name: demoPublication.name, country: "Japan", language: "ja" });
    const now = new Date("2022-01-01T00:00:00Z");
    const items = await allPages((page) => listPublishedArticlesByPublication({ publicationId, page, now }));
    const expected = [
      seedArticleSlug,
      ...demoArticles.filter((a) => a.publicationSlug === demoPublication.slug).map((a) => a.slug),
    ];
    expect(items.map((item) => item.slug).sort()).toEqual(expected.sort());
    expectNewestFirst(items);
  });

  it("return null for unknown tag and publication slugs", async () => {
    expect(await getTagBySlug({ slug: "no-such-tag" })).toBeNull();
    expect(await getPublicationBySlug({ slug: "no-such-publication" })).toBeNull();
  });

  it("exposes the article's tags sorted by name", async () => {
    const article = await getPublishedArticleBySlug({ slug: seedArticleSlug });
    expect(article?.tags.map((tag) => tag.name)).toEqual(["Diplomacy", "Opinion", "Translation"]);
  });
});

