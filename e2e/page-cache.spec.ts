import { expect, test, type APIRequestContext } from "@playwright/test";
import {
  createArticle,
  insertComment,
  setArticleStatus,
  setCommentStatus,
  updateArticleContent,
  updateSiteSettings,
  updateUserProfile,
} from "./support/database";
import { demoUsers } from "../db/demo/demo-people";
import { hashNoncedScripts, nonceFromPolicy } from "../lib/content-security-policy";
import { cacheStatusOf, listedCommentCount, primeCache } from "./support/http";
import { createTag, requireArticleId, requireUserId, uniqueSuffix } from "./support/test-data";

const minaDemoBio = demoUsers.find((user) => user.slug === "mina-demo")?.bio ?? "";

// The page cache in front of Next (lib/page-cache). The writes below run in this test process,
// not in the server, exactly like the CLI or a second server: the server learns about them only
// through the shared invalidation log, and must do so before answering its very next request.

type TestArticle = { id: number; slug: string; url: string; title: string };

// Articles this file publishes belong to Mina: no other spec writes anything that touches her
// pages, so her pages stay cached between this file's requests. Each is unpublished again when its
// test ends, so the listings the browsing specs read stay close to the seed.
async function publishArticle(prefix: string, tagIds: number[] = []): Promise<TestArticle> {
  const suffix = uniqueSuffix();
  const slug = `e2e-${prefix}-${suffix}`;
  const title = `E2E ${prefix} ${suffix}`;
  const id = await createArticle({
    slug,
    title,
    excerpt: `Excerpt of the end-to-end article ${slug}.`,
    body: `Body of the end-to-end article ${slug}.`,
    status: "published",
    authorId: await requireUserId("mina-demo"),
    tagIds,
  });
  return { id, slug, url: `/articles/${slug}`, title };
}

async function unpublish(article: TestArticle | undefined): Promise<void> {
  if (article) await setArticleStatus({ articleId: article.id, status: "draft" });
}

// The very next request after a write must already show it. It is usually a MISS, but not
// always: a request from the other worker may have re-rendered a shared page (the home page, say)
// in between, so the content is what proves the stale copy was dropped. Each write below is
// preceded by primeCache, so a stale copy was stored and would have been served.
async function nextRequest(request: APIRequestContext, url: string, expectedStatus = 200): Promise<string> {
  const response = await request.get(url);
  expect(response.status(), `GET ${url}`).toBe(expectedStatus);
  return response.text();
}

test.describe("serving from the cache", () => {
  // One article for the checks that only need a stored page.
  let shared: TestArticle | undefined;
  test.beforeAll(async () => {
    shared = await publishArticle("cache");
  });
  test.afterAll(async () => {
    await unpublish(shared);
  });
  function sharedArticle(): TestArticle {
    if (!shared) throw new Error("beforeAll did not publish the shared article");
    return shared;
  }

  test("a repeated anonymous GET is a MISS, then a HIT with the same body, less the render's nonce", async ({ request }) => {
    // A page nobody has requested yet, so the first request cannot already be stored.
    const article = await publishArticle("fresh");
    try {
      const first = await request.get(article.url);
      expect(first.status()).toBe(200);
      expect(cacheStatusOf(first)).toBe("MISS");
      const firstBody = await first.text();
      expect(firstBody).toContain(article.title);

      // The stored copy is the render without its nonce (its scripts are allowed by hash instead).
      const nonce = nonceFromPolicy(first.headers()["content-security-policy"]);
      expect(nonce).not.toBeNull();
      const second = await request.get(article.url);
      expect(second.status()).toBe(200);
      expect(cacheStatusOf(second)).toBe("HIT");
      expect(await second.text()).toBe(hashNoncedScripts(firstBody, nonce!).html);
      expect(second.headers()["cache-control"]).toBe("public, no-cache");
      expect(second.headers()["vary"]).toContain("Accept-Encoding");
    } finally {
      await unpublish(article);
    }
  });

  test("query parameters the page does not read share the cached entry", async ({ request }) => {
    const { url } = sharedArticle();
    const primed = await primeCache(request, url);
    const tracked = await request.get(`${url}?utm_source=x`);
    expect(tracked.status()).toBe(200);
    expect(cacheStatusOf(tracked)).toBe("HIT");
    expect(await tracked.text()).toBe(await primed.text());
  });

  test("a matching If-None-Match is answered 304", async ({ request }) => {
    const { url } = sharedArticle();
    const primed = await primeCache(request, url);
    const etag = primed.headers()["etag"];
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);

    const revalidated = await request.get(url, { headers: { "if-none-match": etag ?? "" } });
    expect(revalidated.status()).toBe(304);
    expect(cacheStatusOf(revalidated)).toBe("HIT");
    expect((await revalidated.body()).length).toBe(0);

    const stale = await request.get(url, { headers: { "if-none-match": '"not-the-current-etag"' } });
    expect(stale.status()).toBe(200);
  });

  test("cached pages are compressed with brotli or gzip as the client accepts", async ({ request }) => {
    const { url, title } = sharedArticle();
    await primeCache(request, url);
    for (const encoding of ["br", "gzip"]) {
      const response = await request.get(url, { headers: { "accept-encoding": encoding } });
      expect(response.status()).toBe(200);
      expect(cacheStatusOf(response)).toBe("HIT");
      expect(response.headers()["content-encoding"], `Accept-Encoding: ${encoding}`).toBe(encoding);
      expect(await response.text()).toContain(title);
    }
    const identity = await request.get(url, { headers: { "accept-encoding": "identity" } });
    expect(identity.headers()["content-encoding"]).toBeUndefined();
    expect(await identity.text()).toContain(title);
  });

  test("a visitor with a session cookie bypasses the cache", async ({ request }) => {
    const { url, title } = sharedArticle();
    await primeCache(request, url);
    const signedIn = await request.get(url, { headers: { cookie: "authjs.session-token=x" } });
    expect(signedIn.status()).toBe(200);
    expect(cacheStatusOf(signedIn)).toBe("BYPASS");
    expect(signedIn.headers()["cache-control"]).toContain("no-store");
    expect(await signedIn.text()).toContain(title);
  });

  test("Next's RSC requests bypass the cache", async ({ request }) => {
    const { url } = sharedArticle();
    await primeCache(request, url);
    const rsc = await request.get(url, { headers: { RSC: "1" } });
    expect(cacheStatusOf(rsc)).toBe("BYPASS");
  });
});

test.describe("freshness after writes from another process", () => {
  test("an author's new bio shows on her article and her author page", async ({ request }) => {
    const minaId = await requireUserId("mina-demo");
    const articleUrl = "/articles/a-short-guide-to-writing-excerpts";
    const authorUrl = "/authors/mina-demo";
    expect(await (await primeCache(request, authorUrl)).text()).toContain(minaDemoBio);
    expect(await (await primeCache(request, articleUrl)).text()).toContain(minaDemoBio);

    const newBio = `Mina writes demo articles, bio revision ${uniqueSuffix()}`;
    await updateUserProfile({ userId: minaId, bio: newBio });
    try {
      const article = await nextRequest(request, articleUrl);
      expect(article).toContain(newBio);
      expect(article).not.toContain(minaDemoBio);
      const author = await nextRequest(request, authorUrl);
      expect(author).toContain(newBio);
      expect(author).not.toContain(minaDemoBio);
    } finally {
      await updateUserProfile({ userId: minaId, bio: minaDemoBio });
    }
  });

  test("approving and trashing a comment updates the article and the listings' counts", async ({ request }) => {
    // Daniel's newest seed article: on the first home page, and no other spec comments on it.
    const slug = "browsing-by-author-tag-and-publication";
    const articleUrl = `/articles/${slug}`;
    const articleId = requireArticleId(slug);
    const body = `E2E approved comment ${uniqueSuffix()}`;

    const countBefore = listedCommentCount(await (await primeCache(request, "/")).text(), slug);
    expect(countBefore, "the article is listed on the home page").not.toBeNull();
    await primeCache(request, articleUrl);
    await primeCache(request, "/authors/daniel-demo");

    const commentId = await insertComment({
      articleId,
      authorId: await requireUserId("sam-demo-reader"),
      body,
      status: "approved",
    });
    try {
      expect(await nextRequest(request, articleUrl)).toContain(body);
      expect(listedCommentCount(await nextRequest(request, "/"), slug)).toBe((countBefore ?? 0) + 1);
      expect(listedCommentCount(await nextRequest(request, "/authors/daniel-demo"), slug)).toBe((countBefore ?? 0) + 1);

      await primeCache(request, articleUrl);
      await primeCache(request, "/");
    } finally {
      await setCommentStatus({ commentId, status: "trash", moderatorId: null });
    }
    expect(await nextRequest(request, articleUrl)).not.toContain(body);
    expect(listedCommentCount(await nextRequest(request, "/"), slug)).toBe(countBefore);
  });

  test("publishing an article lists it at once; unpublishing removes it at once", async ({ request }) => {
    const suffix = uniqueSuffix();
    const tagSlug = `e2e-tag-${suffix}`;
    const tagId = createTag(tagSlug, `E2E tag ${suffix}`);
    const tagUrl = `/tags/${tagSlug}`;

    const emptyTagPage = await primeCache(request, tagUrl);
    expect(await emptyTagPage.text()).toContain("No published articles carry this tag yet.");
    await primeCache(request, "/");

    const article = await publishArticle("publish", [tagId]);
    try {
      expect(await nextRequest(request, "/")).toContain(article.title);
      const tagPage = await nextRequest(request, tagUrl);
      expect(tagPage).toContain(article.title);
      expect(tagPage).not.toContain("No published articles carry this tag yet.");

      await primeCache(request, article.url);
      await primeCache(request, "/");
      await primeCache(request, tagUrl);
    } finally {
      await unpublish(article);
    }
    await nextRequest(request, article.url, 404);
    expect(await nextRequest(request, "/")).not.toContain(article.title);
    expect(await nextRequest(request, tagUrl)).toContain("No published articles carry this tag yet.");
  });

  test("a new title shows on the article and the home page", async ({ request }) => {
    const article = await publishArticle("retitle");
    const newTitle = `${article.title} retitled`;
    try {
      await primeCache(request, article.url);
      await primeCache(request, "/");

      await updateArticleContent({ articleId: article.id, title: newTitle });
      const page = await nextRequest(request, article.url);
      expect(page).toContain(`<h1>${newTitle}</h1>`);
      expect(page).not.toContain(`<h1>${article.title}</h1>`);
      const home = await nextRequest(request, "/");
      expect(home).toContain(`>${newTitle}</a>`);
      expect(home).not.toContain(`>${article.title}</a>`);
    } finally {
      await unpublish(article);
    }
  });

  test("a new site title shows in the header of every cached page", async ({ request }) => {
    const pages = ["/", "/articles/a-short-guide-to-writing-excerpts", "/authors/mina-demo", "/tags/demo"];
    for (const url of pages) {
      expect(await (await primeCache(request, url)).text()).toContain(">Crosscurrents</a>");
    }
    const siteTitle = `Crosscurrents E2E ${uniqueSuffix()}`;
    await updateSiteSettings({ siteTitle });
    try {
      for (const url of pages) {
        const html = await nextRequest(request, url);
        expect(html, url).toMatch(new RegExp(`<p class="site-title"><a [^>]*>${siteTitle}</a></p>`));
      }
    } finally {
      await updateSiteSettings({ siteTitle: "Crosscurrents" });
    }
    expect(await nextRequest(request, "/")).toContain(">Crosscurrents</a>");
  });
});
