import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { createArticle, getDb, setArticleStatus } from "./support/database";
import { createTestUser } from "./support/accounts";
import { E2E_BASE_URL } from "./support/e2e-environment";
import { primeCache } from "./support/http";
import { uniqueSuffix } from "./support/test-data";
import { demoPublication } from "../db/demo/demo-people";
import { seedArticleSlug, seedArticleTitle } from "../db/demo/seed-article";
import { articles } from "../db/schema";

// Search engines: /sitemap.xml, /robots.txt and the metadata and JSON-LD of the reader pages
// (app/sitemap.ts, app/robots.ts, lib/seo, components/seo). HTTP-level, no browser.

type SitemapUrl = { loc: string; lastmod: string | undefined };

// A strict reading of the sitemap protocol's shape: the XML declaration, one urlset in the
// sitemap namespace, and nothing but <url> entries holding a <loc> and an optional <lastmod>.
function parseSitemap(xml: string): SitemapUrl[] {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const urlset = /<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">\s*([\s\S]*)<\/urlset>\s*$/.exec(xml);
  expect(urlset, "one urlset in the sitemap namespace").not.toBeNull();
  const body = urlset?.[1] ?? "";
  const entries = [...body.matchAll(/<url>\s*<loc>([^<]*)<\/loc>\s*(?:<lastmod>([^<]*)<\/lastmod>\s*)?<\/url>\s*/g)];
  expect(entries.map((entry) => entry[0]).join(""), "nothing but <url> entries").toBe(body);
  for (const entry of entries) expect(entry[1] ?? "", "no unescaped ampersand").not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  return entries.map((entry) => ({ loc: entry[1] ?? "", lastmod: entry[2] }));
}

function metaContent(html: string, key: string): string[] {
  const values: string[] = [];
  for (const tag of html.matchAll(/<meta\s[^>]*>/g)) {
    const attributes = tag[0];
    if (!attributes.includes(`property="${key}"`) && !attributes.includes(`name="${key}"`)) continue;
    const content = /content="([^"]*)"/.exec(attributes);
    if (content) values.push(content[1] ?? "");
  }
  return values;
}

function canonicalOf(html: string): string | undefined {
  return /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1];
}

function jsonLdBlocks(html: string): string[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? "");
}

function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

test.describe("sitemap.xml", () => {
  test("lists the home page, published articles with lastmod, and author, tag and publication pages", async ({ request }) => {
    const response = await request.get("/sitemap.xml");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/xml");
    const urls = parseSitemap(await response.text());
    const locs = urls.map((url) => url.loc);
    for (const loc of locs) expect(loc.startsWith(E2E_BASE_URL)).toBe(true);
    expect(locs).toContain(`${E2E_BASE_URL}/`);
    expect(locs).toContain(`${E2E_BASE_URL}/authors/owen`);
    expect(locs).toContain(`${E2E_BASE_URL}/tags/diplomacy`);
    expect(locs).toContain(`${E2E_BASE_URL}/publications/${demoPublication.slug}`);
    expect(locs).toContain(`${E2E_BASE_URL}/archive`);
    expect(locs).toContain(`${E2E_BASE_URL}/tags`);
    expect(locs).toContain(`${E2E_BASE_URL}/archive/2021/08`);
    expect(new Set(locs).size).toBe(locs.length);

    const seed = getDb().select().from(articles).where(eq(articles.slug, seedArticleSlug)).get();
    if (!seed) throw new Error("seed article missing");
    const seedUrl = urls.find((url) => url.loc === `${E2E_BASE_URL}/articles/${seedArticleSlug}`);
    expect(seedUrl?.lastmod).toBeDefined();
    expect(new Date(seedUrl?.lastmod ?? "").getTime()).toBe(seed.updatedAt.getTime());
    for (const url of urls) expect(Number.isNaN(new Date(url.lastmod ?? "").getTime()), url.loc).toBe(false);
  });

  test("is answered from the page cache, with its content type", async ({ request }) => {
    const hit = await primeCache(request, "/sitemap.xml", 10);
    expect(hit.headers()["content-type"]).toContain("application/xml");
    expect(parseSitemap(await hit.text()).length).toBeGreaterThan(1);
  });
});

test("robots.txt allows everything but the private areas and names the sitemap", async ({ request }) => {
  const response = await primeCache(request, "/robots.txt");
  expect(response.headers()["content-type"]).toContain("text/plain");
  const lines = (await response.text()).split("\n").map((line) => line.trim());
  expect(lines).toContain("User-Agent: *");
  expect(lines).toContain("Allow: /");
  for (const path of ["/dashboard", "/admin", "/moderation", "/account", "/api"]) expect(lines).toContain(`Disallow: ${path}`);
  expect(lines).toContain(`Sitemap: ${E2E_BASE_URL}/sitemap.xml`);
});

test("the seed article has a canonical URL, OpenGraph and Twitter tags and NewsArticle JSON-LD", async ({ request }) => {
  const response = await request.get(`/articles/${seedArticleSlug}`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  const articleUrl = `${E2E_BASE_URL}/articles/${seedArticleSlug}`;

  expect(canonicalOf(html)).toBe(articleUrl);
  expect(metaContent(html, "description")[0]).toBeTruthy();
  expect(metaContent(html, "og:title").map(decodeAttribute)).toEqual([seedArticleTitle]);
  expect(metaContent(html, "og:type")).toEqual(["article"]);
  expect(metaContent(html, "og:url")).toEqual([articleUrl]);
  expect(metaContent(html, "og:site_name")).toEqual(["Crosscurrents"]);
  expect(metaContent(html, "article:published_time")).toEqual(["2021-08-03T09:00:00.000Z"]);
  expect(metaContent(html, "article:author")).toEqual([`${E2E_BASE_URL}/authors/owen`]);
  expect(metaContent(html, "twitter:card")).toEqual(["summary_large_image"]);
  const ogImage = metaContent(html, "og:image")[0] ?? "";
  expect(ogImage).toMatch(new RegExp(`^${articleUrl}/social-image\\.png\\?v=[A-Za-z0-9_-]{12}$`));
  expect(metaContent(html, "twitter:image")).toEqual([ogImage]);
  expect(metaContent(html, "og:image:width")).toEqual(["1200"]);
  expect(metaContent(html, "og:image:height")).toEqual(["630"]);

  const blocks = jsonLdBlocks(html);
  expect(blocks).toHaveLength(1);
  const data = JSON.parse(blocks[0] ?? "") as Record<string, unknown>;
  expect(data["@context"]).toBe("https://schema.org");
  expect(data["@type"]).toBe("NewsArticle");
  expect(data.headline).toBe(seedArticleTitle);
  expect(data.datePublished).toBe("2021-08-03T09:00:00.000Z");
  expect(typeof data.dateModified).toBe("string");
  expect(data.description).toBeTruthy();
  expect(data.author).toMatchObject({ "@type": "Person", name: "Owen", url: `${E2E_BASE_URL}/authors/owen` });
  expect(data.publisher).toMatchObject({ "@type": "Organization", name: "Crosscurrents", url: E2E_BASE_URL });
  expect(data.mainEntityOfPage).toMatchObject({ "@id": articleUrl });
  // Search engines are pointed at the same image as link previews.
  expect(data.image).toEqual([ogImage]);

  // The social image is drawn on request, then kept by the page cache.
  const image = await primeCache(request, ogImage.replace(E2E_BASE_URL, ""));
  expect(image.headers()["content-type"]).toBe("image/png");
  expect((await image.body()).subarray(1, 4).toString()).toBe("PNG");
});

test("listing pages have their own title, description, canonical URL and OpenGraph tags", async ({ request }) => {
  for (const path of ["/", "/authors/owen", "/tags/diplomacy", `/publications/${demoPublication.slug}`]) {
    const html = await (await request.get(path)).text();
    // Next writes the home page's absolute URL without its trailing slash.
    const url = path === "/" ? E2E_BASE_URL : `${E2E_BASE_URL}${path}`;
    expect(canonicalOf(html), path).toBe(url);
    expect(metaContent(html, "description")[0], path).toBeTruthy();
    expect(metaContent(html, "og:type"), path).toEqual(["website"]);
    expect(metaContent(html, "og:url"), path).toEqual([url]);
    expect(metaContent(html, "og:site_name"), path).toEqual(["Crosscurrents"]);
    expect(metaContent(html, "twitter:card"), path).toEqual(["summary"]);
    expect(/<title>[^<]+<\/title>/.test(html), path).toBe(true);
  }
});

test("a hostile title cannot break out of the JSON-LD script, and a new article reaches the sitemap at once", async ({
  request,
}) => {
  await primeCache(request, "/sitemap.xml", 10);
  const author = await createTestUser({ role: "author" });
  const slug = `e2e-seo-hostile-${uniqueSuffix()}`;
  const title = `Hostile </script><script>alert(1)</script> & "quotes" \u2028 ${slug}`;
  const id = await createArticle({
    slug,
    title,
    excerpt: "An excerpt with </script> in it.",
    body: "Body.",
    status: "published",
    // Far down every listing, so the browsing specs never meet it.
    publishedAt: new Date("2000-01-01T00:00:00Z"),
    authorId: author.id,
  });
  try {
    // The primed sitemap was dropped by the write: the next answer already lists the article.
    const sitemap = await request.get("/sitemap.xml");
    const locs = parseSitemap(await sitemap.text()).map((url) => url.loc);
    expect(locs).toContain(`${E2E_BASE_URL}/articles/${slug}`);
    expect(locs).toContain(`${E2E_BASE_URL}/authors/${author.slug}`);

    const html = await (await request.get(`/articles/${slug}`)).text();
    expect(html).not.toContain("<script>alert(1)");
    const blocks = jsonLdBlocks(html);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).not.toContain("<");
    const data = JSON.parse(blocks[0] ?? "") as { headline: string; author: { name: string }; description: string };
    expect(data.headline).toBe(title);
    expect(data.description).toBe("An excerpt with </script> in it.");
    expect(data.author.name).toBe(author.displayName);
    expect(metaContent(html, "og:title").map(decodeAttribute)).toEqual([title]);
  } finally {
    await setArticleStatus({ articleId: id, status: "draft" });
  }
});
