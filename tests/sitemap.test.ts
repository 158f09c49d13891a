import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPublication } from "@/db/demo/demo-people";
import { seedArticleSlug } from "@/db/demo/seed-article";
import { createArticle } from "@/db/queries/article-writes";
import { getPublicationBySlug } from "@/db/queries/publications";
import { listSitemapEntries, type SitemapEntries } from "@/db/queries/sitemap";
import { getUserIdBySlug } from "@/db/queries/users";
import { articles, tags } from "@/db/schema";
import { cacheTags, collectCacheTags } from "@/lib/cache-tags";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

const DAY = 24 * 60 * 60 * 1000;

let temp: TempDatabase;
let owenId: number;
let publicationId: number;

const pathsOf = (entries: { path: string }[]) => entries.map((entry) => entry.path);
const allPaths = (sitemap: SitemapEntries) => [
  sitemap.home.path,
  ...pathsOf(sitemap.articles),
  ...pathsOf(sitemap.authors),
  ...pathsOf(sitemap.publications),
  ...pathsOf(sitemap.tags),
];

beforeAll(async () => {
  temp = createTempDatabase();
  const owen = await getUserIdBySlug({ slug: "owen" });
  const publication = await getPublicationBySlug({ slug: demoPublication.slug });
  if (owen === null || !publication) throw new Error("seed data missing");
  owenId = owen;
  publicationId = publication.id;
});

afterAll(() => {
  temp.cleanup();
});

describe("listSitemapEntries", () => {
  it("lists the home page and every published article with its updatedAt as last modified", async () => {
    const sitemap = await listSitemapEntries();
    expect(sitemap.home.path).toBe("/");
    const seed = temp.db.select().from(articles).where(eq(articles.slug, seedArticleSlug)).get();
    if (!seed) throw new Error("seed article missing");
    const entry = sitemap.articles.find((article) => article.path === `/articles/${seedArticleSlug}`);
    expect(entry?.lastModified.getTime()).toBe(seed.updatedAt.getTime());
    const visibleCount = temp.db
      .select()
      .from(articles)
      .all()
      .filter((article) => article.status !== "draft" && article.publishedAt !== null && article.publishedAt <= new Date()).length;
    expect(sitemap.articles).toHaveLength(visibleCount);
    // The home page changes when its newest article does.
    const newest = Math.max(...sitemap.articles.map((article) => article.lastModified.getTime()));
    expect(sitemap.home.lastModified.getTime()).toBe(newest);
  });

  it("lists the author, publication and tag pages of published articles, and no reader", async () => {
    const sitemap = await listSitemapEntries();
    expect(pathsOf(sitemap.authors)).toContain("/authors/owen");
    expect(pathsOf(sitemap.authors)).not.toContain("/authors/sam-demo-reader");
    expect(pathsOf(sitemap.publications)).toContain(`/publications/${demoPublication.slug}`);
    expect(pathsOf(sitemap.tags)).toContain("/tags/diplomacy");
    // Each page is listed once.
    const paths = allPaths(sitemap);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it("leaves out drafts, future articles and tags no visible article carries", async () => {
    const lonelyTag = temp.db.insert(tags).values({ slug: "sitemap-lonely-tag", name: "Lonely" }).returning().get();
    await createArticle({ slug: "sitemap-draft", title: "Draft", status: "draft", authorId: owenId, tagIds: [lonelyTag.id] });
    const now = new Date();
    const publishAt = new Date(now.getTime() + DAY);
    await createArticle({
      slug: "sitemap-scheduled",
      title: "Scheduled",
      status: "scheduled",
      publishedAt: publishAt,
      authorId: owenId,
      publicationId,
    });

    const before = allPaths(await listSitemapEntries({ now }));
    expect(before).not.toContain("/articles/sitemap-draft");
    expect(before).not.toContain("/articles/sitemap-scheduled");
    expect(before).not.toContain("/tags/sitemap-lonely-tag");

    // At its time the scheduled article appears, dated no earlier than the moment it went live.
    const after = await listSitemapEntries({ now: publishAt });
    const scheduled = after.articles.find((article) => article.path === "/articles/sitemap-scheduled");
    expect(scheduled?.lastModified.getTime()).toBe(publishAt.getTime());
    expect(after.home.lastModified.getTime()).toBe(publishAt.getTime());
    expect(after.publications.find((entry) => entry.path === `/publications/${demoPublication.slug}`)?.lastModified.getTime()).toBe(
      publishAt.getTime(),
    );
  });

  it("records the listing tag and the tag of every listed article, author, publication and tag", async () => {
    const collected = new Set<string>();
    await collectCacheTags(collected, () => listSitemapEntries());
    expect(collected).toContain(cacheTags.articleListing);
    expect(collected).toContain(cacheTags.author(owenId));
    expect(collected).toContain(cacheTags.publication(publicationId));
    const seed = temp.db.select().from(articles).where(eq(articles.slug, seedArticleSlug)).get();
    const diplomacy = temp.db.select().from(tags).where(eq(tags.slug, "diplomacy")).get();
    expect(collected).toContain(cacheTags.article(seed?.id ?? -1));
    expect(collected).toContain(cacheTags.tag(diplomacy?.id ?? -1));
  });

  it("lists only the home page on an empty site", async () => {
    temp.db.update(articles).set({ status: "draft" }).run();
    const sitemap = await listSitemapEntries();
    expect(allPaths(sitemap)).toEqual(["/"]);
  });
});
