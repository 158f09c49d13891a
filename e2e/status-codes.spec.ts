import { expect, test, type APIRequestContext } from "@playwright/test";
import { seedArticleSlug } from "../db/demo/seed-article";
import { createArticle, setArticleStatus } from "./support/database";
import { cacheStatusOf, primeCache, sleep } from "./support/http";
import { createTag, requireUserId, uniqueSuffix } from "./support/test-data";

// Status codes of the reader pages as plain HTTP, through the page cache.

const existingPages = [
  "/",
  "/?page=2",
  "/?page=3",
  `/articles/${seedArticleSlug}`,
  "/articles/welcome-to-the-demo-platform",
  "/authors/owen",
  "/authors/owen?page=2",
  "/authors/mina-demo",
  "/authors/daniel-demo",
  "/publications/kohoku-shimbun-demo",
  "/tags/demo",
  "/tags/demo?page=2",
  "/tags/diplomacy",
];

for (const url of existingPages) {
  test(`200 for ${url}`, async ({ request }) => {
    const response = await request.get(url);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/html/);
  });
}

// Pages whose route exists but whose page calls notFound(): unknown slugs, bad page numbers and
// accounts without a public profile.
const notFoundPages = [
  "/articles/no-such-article",
  "/authors/no-such-author",
  "/publications/no-such-publication",
  "/tags/no-such-tag",
  "/?page=0",
  "/?page=abc",
  "/?page=999",
  "/?page=1.5",
  "/authors/owen?page=3",
  "/tags/demo?page=99",
  // A reader account has no public author page.
  "/authors/sam-demo-reader",
];

const notFoundHeading = /<h1[^>]*>Page not found<\/h1>/;

// A missing page answers 404 with the site's not-found page, and is never stored in the page cache.
async function expectNotFound(request: APIRequestContext, url: string): Promise<void> {
  for (const attempt of ["first", "repeated"]) {
    const response = await request.get(url);
    expect(response.status(), `${attempt} GET ${url}`).toBe(404);
    expect(cacheStatusOf(response), `${attempt} GET ${url} is not served from the cache`).not.toBe("HIT");
    // The site's own not-found content (see the server-rendering test below for where it is).
    expect(await response.text()).toContain("There is nothing at this address.");
  }
}

for (const url of notFoundPages) {
  test(`404 for ${url}`, async ({ request }) => {
    await expectNotFound(request, url);
  });
}

test("404 for an unknown path, server-rendered with the Page not found heading", async ({ request }) => {
  await expectNotFound(request, "/no/such/path");
  const html = await (await request.get("/no/such/path")).text();
  expect(html).toMatch(notFoundHeading);
  expect(html).toContain('<html lang="en">');
});

test.describe("404 pages of reader routes", () => {
  // Next 16 answers a page's notFound() with an empty HTML shell; the server decides existence
  // first (lib/page-existence.ts) so these are fully server-rendered.
  test("are server-rendered with the Page not found heading", async ({ request }) => {
    const unrendered: string[] = [];
    for (const url of notFoundPages) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(404);
      if (!notFoundHeading.test(await response.text())) unrendered.push(url);
    }
    expect(unrendered, "404 pages whose HTML lacks <h1>Page not found</h1>").toEqual([]);
  });
});

test("404 for a draft article", async ({ request }) => {
  const slug = `e2e-draft-${uniqueSuffix()}`;
  await createArticle({
    slug,
    title: `E2E draft ${slug}`,
    body: "A draft no reader may see.",
    status: "draft",
    authorId: await requireUserId("daniel-demo"),
  });
  await expectNotFound(request, `/articles/${slug}`);
});

test("a scheduled article is 404 until its time, then appears without any further write", async ({ request }) => {
  const suffix = uniqueSuffix();
  const slug = `e2e-scheduled-${suffix}`;
  const title = `E2E scheduled ${suffix}`;
  const tagSlug = `e2e-scheduled-tag-${suffix}`;
  const tagId = createTag(tagSlug, `E2E scheduled tag ${suffix}`);
  const publishAt = new Date(Date.now() + 3_000);
  const articleId = await createArticle({
    slug,
    title,
    excerpt: "Scheduled by the end-to-end tests.",
    body: "Visible once its time has come.",
    status: "scheduled",
    publishedAt: publishAt,
    authorId: await requireUserId("daniel-demo"),
    tagIds: [tagId],
  });
  try {
    await expectNotFound(request, `/articles/${slug}`);
    // Store the tag page while it is still empty, so only the server's own expiry can refresh it.
    const before = await primeCache(request, `/tags/${tagSlug}`);
    expect(await before.text()).not.toContain(title);
    expect(Date.now(), "the checks before publication took less than the schedule's lead time").toBeLessThan(
      publishAt.getTime(),
    );

    await sleep(publishAt.getTime() - Date.now() + 100);

    // The very first requests after the scheduled moment see the article: no write has happened
    // since it was scheduled, so only the server's watcher can have expired the cached tag page.
    const tagPage = await request.get(`/tags/${tagSlug}`);
    expect(tagPage.status()).toBe(200);
    expect(cacheStatusOf(tagPage)).toBe("MISS");
    expect(await tagPage.text()).toContain(title);

    const article = await request.get(`/articles/${slug}`);
    expect(article.status()).toBe(200);
    expect(await article.text()).toContain(title);

    const home = await request.get("/");
    expect(await home.text()).toContain(title);
  } finally {
    // Keep the listings the browsing specs read close to the seed.
    await setArticleStatus({ articleId, status: "draft" });
  }
});
