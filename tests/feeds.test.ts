import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "@/db/queries/article-writes";
import { insertComment } from "@/db/queries/comment-writes";
import { renameTag } from "@/db/queries/tag-admin";
import { getTagBySlug } from "@/db/queries/tags";
import { FEED_ARTICLE_LIMIT } from "@/db/queries/feeds";
import { getUserIdBySlug } from "@/db/queries/users";
import { recordMedia } from "@/db/queries/media";
import { articles, publications, tags, users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { collectCacheTags } from "@/lib/cache-tags";
import { feedContentTypes, type FeedFormat } from "@/lib/feeds/feed-formats";
import { renderArticleFeed, renderCommentsFeed, type ArticleFeedKind } from "@/lib/feeds/site-feeds";
import { matchReaderRoute } from "@/lib/reader-routes";
import { readerPageExists, renamedPageLocation } from "@/lib/page-existence";
import { pageCacheKeyFor } from "@/lib/page-cache/cacheable-pages";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

const SITE_URL = "https://feeds.example.test";
const HOSTILE = `Fish & chips <script>alert("x")</script> ]]> 'quoted' \u0001`;
// As an XML parser reads it back: the control character dropped, surrounding space trimmed.
const HOSTILE_CLEAN = `Fish & chips <script>alert("x")</script> ]]> 'quoted'`;

let temp: TempDatabase;
let authorId: number;
let hostileArticleId: number;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", textNodeName: "#text" });

function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function textOf(value: unknown): string {
  if (typeof value === "object" && value !== null && "#text" in value) return String((value as { "#text": unknown })["#text"]);
  return String(value);
}

function parseXml(body: string): Record<string, unknown> {
  expect(XMLValidator.validate(body)).toBe(true);
  return parser.parse(body) as Record<string, unknown>;
}

function expectAbsolute(url: unknown): void {
  expect(typeof url).toBe("string");
  expect(String(url).startsWith(`${SITE_URL}/`)).toBe(true);
}

type Item = Record<string, unknown>;

async function feed(kind: ArticleFeedKind, format: FeedFormat, slug = "") {
  const rendered = await renderArticleFeed(kind, format, slug);
  if (!rendered) throw new Error(`no ${kind} feed for ${slug}`);
  expect(rendered.contentType).toBe(feedContentTypes[format]);
  return rendered.body;
}

function rssItems(body: string): { channel: Item; items: Item[] } {
  const rss = parseXml(body).rss as Item;
  expect(rss["@version"]).toBe("2.0");
  const channel = rss.channel as Item;
  expect(textOf(channel.title)).not.toBe("");
  expectAbsolute(channel.link);
  expect(channel.description).toBeDefined();
  const items = asArray(channel.item as Item | Item[] | undefined);
  for (const item of items) {
    expect(textOf(item.title)).not.toBe("");
    expectAbsolute(item.link);
    expectAbsolute(textOf(item.guid));
    expect(String(item.pubDate)).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(Number.isNaN(Date.parse(String(item.pubDate)))).toBe(false);
  }
  return { channel, items };
}

const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function atomEntries(body: string): { feed: Item; entries: Item[] } {
  const atom = parseXml(body).feed as Item;
  expect(atom["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
  expectAbsolute(atom.id);
  expect(textOf(atom.title)).not.toBe("");
  expect(String(atom.updated)).toMatch(rfc3339);
  const entries = asArray(atom.entry as Item | Item[] | undefined);
  for (const entry of entries) {
    expectAbsolute(entry.id);
    expect(textOf(entry.title)).not.toBe("");
    expect(String(entry.updated)).toMatch(rfc3339);
    const links = asArray(entry.link as Item | Item[]);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expectAbsolute(link["@href"]);
    expect(textOf((entry.author as Item).name)).not.toBe("");
  }
  return { feed: atom, entries };
}

type JsonFeed = {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  items: { id: string; url: string; title: string; content_html: string; date_published: string; authors?: { name: string }[] }[];
};

function jsonItems(body: string): JsonFeed {
  const parsed = JSON.parse(body) as JsonFeed;
  expect(parsed.version).toBe("https://jsonfeed.org/version/1.1");
  expect(parsed.title).not.toBe("");
  expectAbsolute(parsed.home_page_url);
  expectAbsolute(parsed.feed_url);
  expect(Array.isArray(parsed.items)).toBe(true);
  for (const item of parsed.items) {
    expectAbsolute(item.id);
    expectAbsolute(item.url);
    expect(typeof item.content_html).toBe("string");
    expect(item.date_published).toMatch(rfc3339);
  }
  return parsed;
}

beforeAll(async () => {
  process.env.SITE_URL = SITE_URL;
  temp = createTempDatabase();
  const inserted = temp.db
    .insert(users)
    .values({ email: "feeds-author@example.test", slug: "feeds-author", displayName: HOSTILE, role: "author" })
    .returning({ id: users.id })
    .get();
  authorId = inserted.id;
  const tag = temp.db.insert(tags).values({ slug: "hostile-tag", name: HOSTILE }).returning({ id: tags.id }).get();
  const publication = temp.db
    .insert(publications)
    .values({ slug: "hostile-publication", name: HOSTILE })
    .returning({ id: publications.id })
    .get();
  hostileArticleId = await createArticle({
    slug: "hostile-article",
    title: HOSTILE,
    excerpt: HOSTILE,
    body: `# Heading\n\nSome **bold** text & a [link](https://example.org/?a=1&b=2).\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>`,
    status: "published",
    publishedAt: new Date("2000-01-02T03:04:05Z"),
    authorId,
    publicationId: publication.id,
    tagIds: [tag.id],
  });
  const readerId = await getUserIdBySlug({ slug: "sam-demo-reader" });
  if (readerId === null) throw new Error("seed reader missing");
  await insertComment({ articleId: hostileArticleId, authorId: readerId, body: `Approved ${HOSTILE}\n\nSecond <b>para</b>`, status: "approved" });
  await insertComment({ articleId: hostileArticleId, authorId: readerId, body: "PENDING-SECRET", status: "pending" });
  await insertComment({ articleId: hostileArticleId, authorId: readerId, body: "SPAM-SECRET", status: "spam" });
});

afterAll(() => temp.cleanup());

describe("site feeds", () => {
  it("RSS 2.0 lists the latest articles with full content, absolute URLs and RFC 822 dates", async () => {
    const { channel, items } = rssItems(await feed("site", "rss"));
    expect(textOf(channel.title)).toBe("Crosscurrents");
    expect(channel.link).toBe(`${SITE_URL}/`);
    expect(items.length).toBe(FEED_ARTICLE_LIMIT);
    const first = items[0];
    expect(first?.["content:encoded"]).toBeTruthy();
    expect(first?.["dc:creator"]).toBeTruthy();
    expect(items.map((item) => item.link)).not.toContain(`${SITE_URL}/articles/hostile-article`);
  });

  it("Atom and JSON Feed list the same articles, newest first", async () => {
    const rss = rssItems(await feed("site", "rss")).items.map((item) => item.link);
    const { feed: atom, entries } = atomEntries(await feed("site", "atom"));
    expect(asArray(atom.link as Item | Item[]).map((link) => link["@href"])).toContain(`${SITE_URL}/atom.xml`);
    expect(entries.map((entry) => entry.id)).toEqual(rss);
    const json = jsonItems(await feed("site", "json"));
    expect(json.feed_url).toBe(`${SITE_URL}/feed.json`);
    expect(json.items.map((item) => item.url)).toEqual(rss);
    const dates = json.items.map((item) => Date.parse(item.date_published));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it("records the listing tag and each article's tags for the page cache", async () => {
    const collected = new Set<string>();
    await collectCacheTags(collected, () => renderArticleFeed("site", "rss"));
    expect(collected).toContain("articles");
    expect(collected).toContain("site");
    expect([...collected].some((tag) => tag.startsWith("article:"))).toBe(true);
  });
});

describe("author, tag and publication feeds", () => {
  const scopes: [ArticleFeedKind, string, string][] = [
    ["author", "feeds-author", "/authors/feeds-author"],
    ["tag", "hostile-tag", "/tags/hostile-tag"],
    ["publication", "hostile-publication", "/publications/hostile-publication"],
  ];

  it.each(scopes)("%s feeds escape hostile names and content in every format", async (kind, slug, path) => {
    const { channel, items } = rssItems(await feed(kind, "rss", slug));
    expect(channel.link).toBe(`${SITE_URL}${path}`);
    expect(textOf(channel.title)).toContain(HOSTILE_CLEAN);
    expect(items).toHaveLength(1);
    const item = items[0] as Item;
    expect(textOf(item.title)).toBe(HOSTILE_CLEAN);
    expect(item.link).toBe(`${SITE_URL}/articles/hostile-article`);
    expect(item.pubDate).toBe("Sun, 02 Jan 2000 03:04:05 GMT");
    expect(textOf(item["dc:creator"])).toBe(HOSTILE_CLEAN);
    const content = String(item["content:encoded"]);
    expect(content).toContain("<strong>bold</strong>");
    expect(content).toContain('href="https://example.org/?a=1&#x26;b=2"');
    expect(content).not.toContain("<script");
    expect(content).not.toContain("onerror");

    const { entries } = atomEntries(await feed(kind, "atom", slug));
    expect(entries).toHaveLength(1);
    expect(textOf(entries[0]?.title)).toBe(HOSTILE_CLEAN);
    expect(entries[0]?.published).toBe("2000-01-02T03:04:05.000Z");

    const json = jsonItems(await feed(kind, "json", slug));
    expect(json.feed_url).toBe(`${SITE_URL}${path}/feed.json`);
    expect(json.items).toHaveLength(1);
    expect(json.items[0]?.title).toBe(HOSTILE);
    expect(json.items[0]?.date_published).toBe("2000-01-02T03:04:05.000Z");
    expect(json.items[0]?.authors?.[0]?.name).toBe(HOSTILE);
    expect(json.items[0]?.content_html).not.toContain("<script");
  });

  it("carries an article's cover in every format, its alt text and caption escaped", async () => {
    const coverAuthor = temp.db
      .insert(users)
      .values({ email: "cover-feeds@example.test", slug: "cover-feeds-author", displayName: "Cover Author", role: "author" })
      .returning({ id: users.id })
      .get();
    const mediaId = "f".repeat(24);
    await recordMedia({
      id: mediaId,
      ownerId: coverAuthor.id,
      width: 2000,
      height: 1000,
      sourceFormat: "jpeg",
      sourceBytes: 1,
      variants: [
        { width: 480, height: 240, bytes: 1 },
        { width: 1600, height: 800, bytes: 1 },
      ],
    });
    const articleId = await createArticle({
      slug: "article-with-cover",
      title: "With a cover",
      body: "Words.",
      status: "published",
      publishedAt: new Date("2001-01-01T00:00:00Z"),
      authorId: coverAuthor.id,
    });
    temp.db.update(articles).set({ coverMediaId: mediaId, coverAlt: HOSTILE, coverCaption: HOSTILE }).where(eq(articles.id, articleId)).run();
    const imageUrl = `${SITE_URL}/media/${mediaId}-1600.webp`;

    const item = rssItems(await feed("author", "rss", "cover-feeds-author")).items[0] as Item;
    const mediaContent = item["media:content"] as Item;
    expect(mediaContent).toMatchObject({ "@url": imageUrl, "@medium": "image", "@type": "image/webp", "@width": "1600", "@height": "800" });
    expect(textOf(mediaContent["media:description"])).toBe(HOSTILE_CLEAN);
    const content = String(item["content:encoded"]);
    expect(content.startsWith(`<figure><img src="${imageUrl}" alt="Fish &amp; chips &lt;script&gt;`)).toBe(true);
    expect(content).not.toContain("<script");
    expect(content).toContain("<figcaption>Fish &amp; chips");

    const entry = atomEntries(await feed("author", "atom", "cover-feeds-author")).entries[0] as Item;
    expect(asArray(entry.link as Item | Item[])).toContainEqual({ "@rel": "enclosure", "@type": "image/webp", "@href": imageUrl });

    const json = JSON.parse(await feed("author", "json", "cover-feeds-author")) as { items: { image?: string; content_html: string }[] };
    expect(json.items[0]?.image).toBe(imageUrl);
    expect(json.items[0]?.content_html).toContain(`<img src="${imageUrl}"`);

    // Without a cover there is no image at all.
    const plain = rssItems(await feed("author", "rss", "feeds-author")).items[0] as Item;
    expect(plain["media:content"]).toBeUndefined();
    expect(String(plain["content:encoded"])).not.toContain("<figure>");
  });

    it("has no feed for an unknown author, tag or publication", async () => {
    expect(await renderArticleFeed("author", "rss", "nobody-here")).toBeNull();
    expect(await renderArticleFeed("tag", "atom", "nobody-here")).toBeNull();
    expect(await renderArticleFeed("publication", "json", "nobody-here")).toBeNull();
  });
});

describe("comments feed", () => {
  it("lists approved comments only, as escaped plain text", async () => {
    const rendered = await renderCommentsFeed("hostile-article");
    if (!rendered) throw new Error("no comments feed");
    expect(rendered.contentType).toBe("application/rss+xml; charset=utf-8");
    expect(rendered.body).not.toContain("PENDING-SECRET");
    expect(rendered.body).not.toContain("SPAM-SECRET");
    const { channel, items } = rssItems(rendered.body);
    expect(channel.link).toBe(`${SITE_URL}/articles/hostile-article`);
    expect(items).toHaveLength(1);
    const description = String(items[0]?.description);
    // The HTML a feed reader gets shows the markup as typed, never as elements.
    expect(description).toContain("&lt;script&gt;");
    expect(description).toContain("&lt;b&gt;para&lt;/b&gt;");
    expect(description).not.toContain("<script");
    expect(description).toMatch(/^<p>Approved /);
    expect(String(textOf(items[0]?.guid))).toMatch(new RegExp(`^${SITE_URL}/articles/hostile-article#comment-\\d+$`));
  });

  it("has no comments feed for an unknown article", async () => {
    expect(await renderCommentsFeed("no-such-article")).toBeNull();
  });
});

describe("feed routes", () => {
  async function exists(pathname: string): Promise<boolean> {
    const route = matchReaderRoute(pathname);
    if (!route) throw new Error(`${pathname} is not a reader route`);
    return readerPageExists(route, new URLSearchParams());
  }

  it.each([
    "/feed.xml",
    "/atom.xml",
    "/feed.json",
    "/authors/feeds-author/feed.xml",
    "/tags/hostile-tag/atom.xml",
    "/publications/hostile-publication/feed.json",
    "/articles/hostile-article/comments.xml",
  ])("%s exists and is cacheable", async (pathname) => {
    expect(await exists(pathname)).toBe(true);
    expect(pageCacheKeyFor({ method: "GET", url: `${pathname}?utm=1`, headers: {} })).toBe(pathname);
  });

  it.each([
    "/authors/nobody-here/feed.xml",
    "/tags/nobody-here/atom.xml",
    "/publications/nobody-here/feed.json",
    "/articles/no-such-article/comments.xml",
    "/authors/Bad_Slug/feed.xml",
  ])("%s does not exist", async (pathname) => {
    expect(await exists(pathname)).toBe(false);
  });
});

describe("renamed tags", () => {
  it("send the old feed URLs to the new ones", async () => {
    const tag = await getTagBySlug({ slug: "hostile-tag" });
    if (!tag) throw new Error("tag missing");
    expect(await renameTag({ tagId: tag.id, name: "Renamed", slug: "renamed-tag" })).toMatchObject({ ok: true });
    expect(await renamedPageLocation("/tags/hostile-tag/feed.xml")).toBe("/tags/renamed-tag/feed.xml");
    expect(await renamedPageLocation("/tags/hostile-tag/atom.xml?x=1")).toBe("/tags/renamed-tag/atom.xml?x=1");
    expect(await renamedPageLocation("/tags/hostile-tag")).toBe("/tags/renamed-tag");
  });
});
