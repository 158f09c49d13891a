import { expect, test, type APIResponse } from "@playwright/test";
import { XMLParser } from "fast-xml-parser";
import { seedArticleSlug } from "../db/demo/seed-article";
import { createTestUser } from "./support/accounts";
import { createArticle, setArticleStatus } from "./support/database";
import { cacheStatusOf, primeCache } from "./support/http";
import { uniqueSuffix } from "./support/test-data";

// Feeds are served by route handlers through the page cache (lib/feeds, lib/page-cache).

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });

const contentTypes = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
} as const;

type Item = Record<string, unknown>;

function asArray(value: unknown): Item[] {
  return value === undefined ? [] : Array.isArray(value) ? (value as Item[]) : [value as Item];
}

async function expectFeedResponse(response: APIResponse, kind: keyof typeof contentTypes): Promise<string> {
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe(contentTypes[kind]);
  expect(response.headers()["set-cookie"]).toBeUndefined();
  return response.text();
}

function rssLinks(body: string): string[] {
  const channel = (parser.parse(body) as { rss: { channel: Item } }).rss.channel;
  expect(channel.title).toBeTruthy();
  expect(String(channel.link)).toMatch(/^https?:\/\//);
  return asArray(channel.item).map((item) => String(item.link));
}

function atomLinks(body: string): string[] {
  const feed = (parser.parse(body) as { feed: Item }).feed;
  expect(feed.id).toBeTruthy();
  expect(feed.updated).toBeTruthy();
  return asArray(feed.entry).map((entry) => String(entry.id));
}

function jsonLinks(body: string): string[] {
  const feed = JSON.parse(body) as { version: string; items: { url: string; content_html: string }[] };
  expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
  for (const item of feed.items) expect(typeof item.content_html).toBe("string");
  return feed.items.map((item) => item.url);
}

test.describe("feeds", () => {
  test("the site feeds answer with their content types, parse, and are served from the page cache", async ({
    request,
  }) => {
    const rss = rssLinks(await expectFeedResponse(await request.get("/feed.xml"), "rss"));
    expect(rss.length).toBeGreaterThan(0);
    for (const link of rss) expect(link).toMatch(/^https?:\/\/[^/]+\/articles\//);
    const atom = atomLinks(await expectFeedResponse(await request.get("/atom.xml"), "atom"));
    expect(atom.length).toBeGreaterThan(0);
    const json = jsonLinks(await expectFeedResponse(await request.get("/feed.json"), "json"));
    expect(json.length).toBeGreaterThan(0);

    for (const [url, kind] of [
      ["/feed.xml", "rss"],
      ["/atom.xml", "atom"],
      ["/feed.json", "json"],
      [`/articles/${seedArticleSlug}/comments.xml`, "rss"],
    ] as const) {
      const hit = await primeCache(request, url);
      expect(hit.headers()["content-type"]).toBe(contentTypes[kind]);
      expect(hit.headers()["set-cookie"]).toBeUndefined();
    }
  });

  test("the home page lists the site feeds in its head", async ({ request }) => {
    const html = await (await request.get("/")).text();
    expect(html).toMatch(/<link rel="alternate" type="application\/rss\+xml"[^>]*href="[^"]*\/feed\.xml"/);
    expect(html).toMatch(/<link rel="alternate" type="application\/atom\+xml"[^>]*href="[^"]*\/atom\.xml"/);
    expect(html).toMatch(/<link rel="alternate" type="application\/feed\+json"[^>]*href="[^"]*\/feed\.json"/);
  });

  test("an unknown author, tag, publication or article has no feed", async ({ request }) => {
    for (const url of [
      "/authors/no-such-author-anywhere/feed.xml",
      "/tags/no-such-tag-anywhere/atom.xml",
      "/publications/no-such-publication-anywhere/feed.json",
      "/articles/no-such-article-anywhere/comments.xml",
    ]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(404);
    }
  });

  test("a newly published article shows up in its author's feeds at once", async ({ request }) => {
    const author = await createTestUser({ role: "author" });
    const created: number[] = [];
    const publish = async (label: string, publishedAt: Date) => {
      const slug = `e2e-feed-${label}-${uniqueSuffix()}`;
      created.push(
        await createArticle({
          slug,
          title: `Feed ${label} <&> ${slug}`,
          body: `Body of **${slug}**.`,
          status: "published",
          // In the year 2000, so seed articles stay on the site's first page and feeds.
          publishedAt,
          authorId: author.id,
        }),
      );
      return slug;
    };
    try {
      // No visible article yet: no author page, no feed.
      expect((await request.get(`/authors/${author.slug}/feed.xml`)).status()).toBe(404);

      const first = await publish("first", new Date("2000-03-01T10:00:00Z"));
      const feedUrls = ["feed.xml", "atom.xml", "feed.json"].map((file) => `/authors/${author.slug}/${file}`);
      for (const url of feedUrls) await primeCache(request, url);

      const second = await publish("second", new Date("2000-03-02T10:00:00Z"));
      const rss = await request.get(feedUrls[0] ?? "");
      expect(cacheStatusOf(rss)).not.toBe("HIT");
      const rssItems = rssLinks(await expectFeedResponse(rss, "rss"));
      expect(rssItems.map((link) => link.replace(/^https?:\/\/[^/]+/, ""))).toEqual([
        `/articles/${second}`,
        `/articles/${first}`,
      ]);
      const atom = atomLinks(await expectFeedResponse(await request.get(feedUrls[1] ?? ""), "atom"));
      expect(atom[0]).toMatch(new RegExp(`/articles/${second}$`));
      const json = jsonLinks(await expectFeedResponse(await request.get(feedUrls[2] ?? ""), "json"));
      expect(json[0]).toMatch(new RegExp(`/articles/${second}$`));
    } finally {
      for (const articleId of created) await setArticleStatus({ articleId, status: "draft" });
    }
  });
});
