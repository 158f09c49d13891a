import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  getLatestCacheInvalidationId,
  invalidateCacheTags,
  pruneCacheInvalidations,
} from "@/db/cache-invalidation";
import { drizzleFor, openSqlite, type Db, type SqliteConnection } from "@/db/client";
import { demoPublication } from "@/db/demo/demo-people";
import { createArticle } from "@/db/queries/article-writes";
import { getPublishedArticleBySlug, listPublishedArticles } from "@/db/queries/articles";
import { getPublicationBySlug } from "@/db/queries/publications";
import { getTagBySlug } from "@/db/queries/tags";
import { getUserIdBySlug, updateUserProfile } from "@/db/queries/users";
import { cacheTags } from "@/lib/cache-tags";
import { CacheInvalidationWatcher } from "@/lib/page-cache/invalidation-watcher";
import { buildCachedPage, PageCacheStore } from "@/lib/page-cache/page-cache-store";
import { neighbourTagsAt } from "./support/neighbour-tags";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

let temp: TempDatabase;
// A second connection to the same file: another server process, or the command-line tools.
let otherSqlite: SqliteConnection;
let otherDb: Db;
const extraConnections: SqliteConnection[] = [];

let owenId: number;
let minaId: number;
let publicationId: number;
let readingTagId: number;
let moderationTagId: number;

function storeWith(pages: Record<string, string[]>): PageCacheStore {
  const store = new PageCacheStore(64 * 1024 * 1024);
  for (const [key, tags] of Object.entries(pages)) {
    store.set(buildCachedPage({ key, tags, headers: { "content-type": "text/html" }, body: Buffer.from(key) }));
  }
  return store;
}

function cachedKeys(store: PageCacheStore, keys: string[]): string[] {
  return keys.filter((key) => store.get(key) !== undefined);
}

// What a process writing through its own connection does: the change and its log rows commit together.
function writeFromOtherConnection(tags: string[]): void {
  otherDb.transaction((tx) => invalidateCacheTags(tx, tags));
}

function ownConnection(): { sqlite: SqliteConnection; db: Db } {
  const sqlite = openSqlite(temp.file);
  extraConnections.push(sqlite);
  return { sqlite, db: drizzleFor(sqlite) };
}

beforeAll(async () => {
  temp = createTempDatabase();
  otherSqlite = openSqlite(temp.file);
  otherDb = drizzleFor(otherSqlite);
  const owen = await getUserIdBySlug({ slug: "owen" });
  const mina = await getUserIdBySlug({ slug: "mina-demo" });
  const publication = await getPublicationBySlug({ slug: demoPublication.slug });
  const reading = await getTagBySlug({ slug: "reading" });
  const moderation = await getTagBySlug({ slug: "moderation" });
  if (owen === null || mina === null || !publication || !reading || !moderation) throw new Error("demo content missing");
  owenId = owen;
  minaId = mina;
  publicationId = publication.id;
  readingTagId = reading.id;
  moderationTagId = moderation.id;
});

afterEach(() => {
  // Keep the log short between tests so each starts from a consistent point.
  while (extraConnections.length > 0) extraConnections.pop()?.close();
});

afterAll(() => {
  otherSqlite.close();
  temp.cleanup();
});

describe("CacheInvalidationWatcher and the shared log", () => {
  const pages = {
    "/": ["articles", "article:1", "author:1", "site"],
    "/articles/one": ["article:1", "author:1", "site"],
    "/articles/two": ["article:2", "author:2", "site"],
    "/tags/demo": ["tag:1", "article:2", "site"],
  };
  const keys = Object.keys(pages);

  it("does nothing when nobody wrote", () => {
    const store = storeWith(pages);
    const watcher = new CacheInvalidationWatcher(temp.db.$client, temp.db, store);
    watcher.sync();
    watcher.sync();
    expect(cachedKeys(store, keys)).toEqual(keys);
    expect(watcher.currentSequence).toBe(0);
  });

  it("ignores invalidations logged before it started", () => {
    writeFromOtherConnection(["site"]);
    const store = storeWith(pages);
    const watcher = new CacheInvalidationWatcher(temp.db.$client, temp.db, store);
    watcher.sync();
    expect(cachedKeys(store, keys)).toEqual(keys);
  });

  it("purges exactly the pages tagged by another connection's write", () => {
    const store = storeWith(pages);
    const watcher = new CacheInvalidationWatcher(temp.db.$client, temp.db, store);
    writeFromOtherConnection(["article:1"]);
    watcher.sync();
    expect(cachedKeys(store, keys)).toEqual(["/articles/two", "/tags/demo"]);

    writeFromOtherConnection(["tag:1", "author:2"]);
    watcher.sync();
    expect(cachedKeys(store, keys)).toEqual([]);
  });

  it("applies several commits made between two syncs", () => {
    const store = storeWith(pages);
    const watcher = new CacheInvalidationWatcher(temp.db.$client, temp.db, store);
    writeFromOtherConnection(["article:2"]);
    writeFromOtherConnection(["articles"]);
    watcher.sync();
    expect(cachedKeys(store, keys)).toEqual(["/articles/one"]);
  });

  it("sees the app's own writes when it watches through its own connection, as the server does", async () => {
    const own = ownConnection();
    const store = storeWith({
      "/authors/owen": [cacheTags.author(owenId)],
      "/authors/mina-demo": [cacheTags.author(minaId)],
    });
    const watcher = new CacheInvalidationWatcher(own.sqlite, own.db, store);
    expect(await updateUserProfile({ userId: owenId, displayName: "Owen K." })).toBe(true);
    watcher.sync();
    expect(cachedKeys(store, ["/authors/owen", "/authors/mina-demo"])).toEqual(["/authors/mina-demo"]);
  });

  it("invalidatedSince tells whether a tag was invalidated after a given sequence", () => {
    const store = storeWith(pages);
    const watcher = new CacheInvalidationWatcher(temp.db.$client, temp.db, store);
    const before = watcher.currentSequence;
    expect(watcher.invalidatedSince(before, ["article:1"])).toBe(false);

    writeFromOtherConnection(["article:1"]);
    watcher.sync();
    const after = watcher.currentSequence;
    expect(after).toBeGreaterThan(before);
    expect(watcher.invalidatedSince(before, ["article:1"])).toBe(true);
    expect(watcher.invalidatedSince(before, ["site", "article:1"])).toBe(true);
    expect(watcher.invalidatedSince(before, ["article:2", "site"])).toBe(false);
    expect(watcher.invalidatedSince(after, ["article:1"])).toBe(false);
  });

  it("clears everything when rows were pruned before it read them (a gap in ids)", () => {
    const store = storeWith(pages);
    const watcher = new CacheInvalidationWatcher(temp.db.$client, temp.db, store);
    const sequence = watcher.currentSequence;
    const lastSeen = getLatestCacheInvalidationId(temp.db);

    // Another process writes, then prunes old rows before this watcher gets to read them.
    writeFromOtherConnection(["article:2"]);
    writeFromOtherConnection(["tag:1"]);
    pruneCacheInvalidations(otherDb, new Date(Date.now() + 60_000));
    expect(getLatestCacheInvalidationId(otherDb)).toBe(0);
    writeFromOtherConnection(["unrelated:99"]);
    expect(getLatestCacheInvalidationId(otherDb)).toBeGreaterThan(lastSeen + 1);

    watcher.sync();
    // The pages tagged only by the lost rows (and every other page) must go.
    expect(cachedKeys(store, keys)).toEqual([]);
    expect(store.size).toBe(0);
    expect(watcher.invalidatedSince(sequence, ["anything"])).toBe(true);
  });

  it("keeps going after a gap without clearing again", () => {
    const store = new PageCacheStore(64 * 1024 * 1024);
    const watcher = new CacheInvalidationWatcher(temp.db.$client, temp.db, store);
    writeFromOtherConnection(["a"]);
    pruneCacheInvalidations(otherDb, new Date(Date.now() + 60_000));
    writeFromOtherConnection(["b"]);
    watcher.sync();
    for (const [key, tags] of Object.entries(pages)) {
      store.set(buildCachedPage({ key, tags, headers: {}, body: Buffer.from(key) }));
    }
    writeFromOtherConnection(["article:1"]);
    watcher.sync();
    expect(cachedKeys(store, keys)).toEqual(["/articles/two", "/tags/demo"]);
  });
});

describe("scheduled articles", () => {
  it("invalidate the article, its author, the listing, its publication and its tags when their time comes", async () => {
    const own = ownConnection();
    const start = new Date("2030-01-01T00:00:00Z");
    const publishAt = new Date("2030-01-01T01:00:00Z");
    let clock = start;
    const watched = new Set<string>();
    const store = new PageCacheStore(64 * 1024 * 1024);
    const sink = {
      invalidateTags(tags: Iterable<string>) {
        for (const tag of tags) watched.add(tag);
        return store.invalidateTags(tags);
      },
      clear: () => store.clear(),
    };
    const watcher = new CacheInvalidationWatcher(own.sqlite, own.db, sink, () => clock);

    const articleId = await createArticle({
      slug: "scheduled-for-2030",
      title: "Scheduled",
      status: "scheduled",
      publishedAt: publishAt,
      authorId: owenId,
      publicationId,
      tagIds: [readingTagId],
    });
    // Creating it logs its tags once; take that in before the pages are cached.
    watcher.sync();
    watched.clear();

    const pages: Record<string, string[]> = {
      "/": [cacheTags.articleListing],
      "/authors/owen": [cacheTags.author(owenId)],
      [`/publications/${demoPublication.slug}`]: [cacheTags.publication(publicationId)],
      "/tags/reading": [cacheTags.tag(readingTagId)],
      "/articles/scheduled-for-2030": [cacheTags.article(articleId)],
      "/authors/mina-demo": [cacheTags.author(minaId)],
      "/tags/moderation": [cacheTags.tag(moderationTagId)],
      "/about": [cacheTags.site],
    };
    for (const [key, tags] of Object.entries(pages)) {
      store.set(buildCachedPage({ key, tags, headers: {}, body: Buffer.from(key) }));
    }
    const keys = Object.keys(pages);

    clock = new Date(publishAt.getTime() - 1);
    watcher.sync();
    expect(cachedKeys(store, keys)).toEqual(keys);
    expect(await getPublishedArticleBySlug({ slug: "scheduled-for-2030", now: clock })).toBeNull();

    clock = new Date(publishAt.getTime() + 500);
    watcher.sync();
    expect(cachedKeys(store, keys)).toEqual(["/authors/mina-demo", "/tags/moderation", "/about"]);
    // With the pages of its previous/next neighbours, which link it from now on.
    const neighbours = await neighbourTagsAt(articleId, publishAt, clock);
    expect(neighbours.length).toBeGreaterThan(0);
    expect([...watched].sort()).toEqual(
      [
        ...neighbours,
        cacheTags.article(articleId),
        cacheTags.articleListing,
        cacheTags.author(owenId),
        cacheTags.publication(publicationId),
        cacheTags.tag(readingTagId),
      ].sort(),
    );
    // The pages rendered from now on show it.
    expect((await listPublishedArticles({ page: 1, now: clock })).items[0]?.id).toBe(articleId);

    // It happens once: re-cached pages survive later syncs.
    store.set(buildCachedPage({ key: "/", tags: [cacheTags.articleListing], headers: {}, body: Buffer.from("/") }));
    clock = new Date(publishAt.getTime() + 60_000);
    watcher.sync();
    expect(store.get("/")).toBeDefined();
  });

  it("handles several scheduled articles one after another", async () => {
    const own = ownConnection();
    let clock = new Date("2031-01-01T00:00:00Z");
    const store = new PageCacheStore(64 * 1024 * 1024);
    const watcher = new CacheInvalidationWatcher(own.sqlite, own.db, store, () => clock);
    const first = await createArticle({
      slug: "first-of-two",
      title: "First",
      status: "scheduled",
      publishedAt: new Date("2031-01-01T01:00:00Z"),
      authorId: minaId,
    });
    const second = await createArticle({
      slug: "second-of-two",
      title: "Second",
      status: "scheduled",
      publishedAt: new Date("2031-01-01T02:00:00Z"),
      authorId: minaId,
    });
    watcher.sync();
    const cache = (key: string, tag: string) =>
      store.set(buildCachedPage({ key, tags: [tag], headers: {}, body: Buffer.from(key) }));
    cache("/articles/first-of-two", cacheTags.article(first));
    cache("/articles/second-of-two", cacheTags.article(second));

    clock = new Date("2031-01-01T01:30:00Z");
    watcher.sync();
    expect(cachedKeys(store, ["/articles/first-of-two", "/articles/second-of-two"])).toEqual([
      "/articles/second-of-two",
    ]);

    clock = new Date("2031-01-01T02:30:00Z");
    watcher.sync();
    expect(store.size).toBe(0);
  });

  // Readers see a published article only once its published_at has passed, so a published
  // article dated in the future must expire pages at its time just like a scheduled one.
  it("also expires pages when a published article with a future date becomes visible", async () => {
    const own = ownConnection();
    let clock = new Date("2032-01-01T00:00:00Z");
    const publishAt = new Date("2032-01-01T01:00:00Z");
    const store = new PageCacheStore(64 * 1024 * 1024);
    const watcher = new CacheInvalidationWatcher(own.sqlite, own.db, store, () => clock);
    await createArticle({
      slug: "published-with-a-future-date",
      title: "Future-dated",
      status: "published",
      publishedAt: publishAt,
      authorId: minaId,
    });
    watcher.sync();
    store.set(buildCachedPage({ key: "/", tags: [cacheTags.articleListing], headers: {}, body: Buffer.from("/") }));
    expect(await getPublishedArticleBySlug({ slug: "published-with-a-future-date", now: clock })).toBeNull();

    clock = new Date(publishAt.getTime() + 1000);
    expect(await getPublishedArticleBySlug({ slug: "published-with-a-future-date", now: clock })).not.toBeNull();
    watcher.sync();
    expect(cachedKeys(store, ["/"]), "the cached home page still hides the article that is now visible").toEqual([]);
  });
});
