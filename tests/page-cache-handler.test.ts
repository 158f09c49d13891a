import http from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { invalidateCacheTags } from "@/db/cache-invalidation";
import { drizzleFor, getDb, openSqlite, type Db, type SqliteConnection } from "@/db/client";
import { getPublishedArticleBySlug } from "@/db/queries/articles";
import { getUserIdBySlug, updateUserProfile } from "@/db/queries/users";
import { users } from "@/db/schema";
import { cacheTags, recordCacheTags } from "@/lib/cache-tags";
import { CacheInvalidationWatcher } from "@/lib/page-cache/invalidation-watcher";
import { createPageCacheHandler } from "@/lib/page-cache/page-cache-handler";
import { PageCacheStore } from "@/lib/page-cache/page-cache-store";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

type Response = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

let temp: TempDatabase;
// The server's own connection (as in server.ts), watched for other connections' commits.
let serverSqlite: SqliteConnection;
// Another process writing to the same file: a second server, or the command-line tools.
let writerSqlite: SqliteConnection;
let writerDb: Db;
let server: http.Server;
let baseUrl: string;
let store: PageCacheStore;
let owenId: number;

// What the stub Next saw: one entry per render.
const renders: string[] = [];
let requestsReceived = 0;
const gates = new Map<string, Promise<void>>();

function rendersOf(url: string): number {
  return renders.filter((seen) => seen === url).length;
}

function owenDisplayName(): string {
  return getDb().select({ name: users.displayName }).from(users).where(eq(users.id, owenId)).get()?.name ?? "?";
}

function sendHtml(res: http.ServerResponse, html: string, status = 200): void {
  res.statusCode = status;
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("x-powered-by", "stub");
  // Streamed in pieces, as Next does.
  const middle = Math.floor(html.length / 2);
  res.write(html.slice(0, middle));
  res.end(html.slice(middle));
}

// Stands in for Next's request handler: reads the real database, records the tags of what it
// read, and writes a page.
async function stubRender(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = req.url ?? "";
  renders.push(url);
  const path = url.split("?")[0] ?? "";
  const gate = gates.get(path);
  if (path.startsWith("/authors/owen")) {
    recordCacheTags(cacheTags.author(owenId));
    const name = owenDisplayName();
    if (gate) await gate;
    sendHtml(res, `<!DOCTYPE html><html><body><h1>${name}</h1><p>url=${url}</p>${"<p>filler</p>".repeat(100)}</body></html>`);
    return;
  }
  if (path === "/articles/welcome-to-the-demo-platform") {
    // The real data layer records the article's, author's and tags' cache tags itself.
    const article = await getPublishedArticleBySlug({ slug: "welcome-to-the-demo-platform" });
    sendHtml(res, `<html><body><h1>${article?.title ?? "missing"}</h1></body></html>`);
    return;
  }
  if (path === "/articles/two-link-headers") {
    recordCacheTags(cacheTags.site);
    res.setHeader("link", ["</a.css>; rel=preload; as=style", "</b.css>; rel=preload; as=style"]);
    sendHtml(res, "<html><body>two links</body></html>");
    return;
  }
  if (path === "/articles/sets-a-cookie") {
    recordCacheTags(cacheTags.site);
    res.setHeader("set-cookie", "flash=hello; Path=/; HttpOnly");
    sendHtml(res, "<html><body>with cookie</body></html>");
    return;
  }
  if (path === "/articles/not-found") {
    recordCacheTags(cacheTags.site);
    sendHtml(res, "<html><body>Not found</body></html>", 404);
    return;
  }
  if (path === "/articles/reads-nothing-tagged") {
    sendHtml(res, "<html><body>untagged</body></html>");
    return;
  }
  if (path === "/tags/slow") {
    recordCacheTags(cacheTags.tag(1));
    if (gate) await gate;
    sendHtml(res, "<html><body>slow page</body></html>");
    return;
  }
  recordCacheTags(cacheTags.site);
  sendHtml(res, `<html><body>other ${url}</body></html>`);
}

function request(
  path: string,
  { headers = {}, method = "GET" }: { headers?: http.OutgoingHttpHeaders; method?: string } = {},
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${baseUrl}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

// A write by another connection: the change and its log row commit together.
function renameOwenElsewhere(name: string): void {
  writerDb.transaction((tx) => {
    tx.update(users).set({ displayName: name }).where(eq(users.id, owenId)).run();
    invalidateCacheTags(tx, [cacheTags.author(owenId)]);
  });
}

const observed: string[] = [];

beforeAll(async () => {
  temp = createTempDatabase();
  const owen = await getUserIdBySlug({ slug: "owen" });
  if (owen === null) throw new Error("demo content missing");
  owenId = owen;

  serverSqlite = openSqlite(temp.file);
  writerSqlite = openSqlite(temp.file);
  writerDb = drizzleFor(writerSqlite);

  store = new PageCacheStore(64 * 1024 * 1024);
  const watcher = new CacheInvalidationWatcher(serverSqlite, drizzleFor(serverSqlite), store);
  const { serveStoredPage, handle } = createPageCacheHandler({
    store,
    watcher,
    render: stubRender,
    observer: {
      hit: (status) => observed.push(`hit ${status}`),
      uncached: (req) => observed.push(`uncached ${req.method} ${req.url}`),
    },
  });
  server = http.createServer((req, res) => {
    requestsReceived += 1;
    // As lib/server/web-server.ts does: stored pages first, synchronously. A request marked
    // x-test-preset goes to handle() with a header already set, as the server's own headers are
    // when a page is stored between the fast lookup and handle().
    if (req.headers["x-test-preset"]) res.setHeader("x-content-type-options", "nosniff");
    else if (serveStoredPage(req, res)) return;
    handle(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

beforeEach(() => {
  observed.length = 0;
  store.clear();
  renders.length = 0;
  gates.clear();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  serverSqlite.close();
  writerSqlite.close();
  temp.cleanup();
});

describe("hits and misses", () => {
  it("tells its observer about each hit and each request it passed to Next, once", async () => {
    await request("/authors/owen");
    const hit = await request("/authors/owen");
    await request("/authors/owen", { headers: { "if-none-match": String(hit.headers.etag) } });
    await request("/authors/owen", { headers: { cookie: "authjs.session-token=x" } });
    expect(observed).toEqual(["uncached GET /authors/owen", "hit 200", "hit 304", "uncached GET /authors/owen"]);
  });

  it("renders the first request and answers the second from memory with the same page", async () => {
    const first = await request("/authors/owen");
    expect(first.status).toBe(200);
    expect(first.headers["x-page-cache"]).toBe("MISS");
    expect(first.body.toString()).toContain("<h1>Owen</h1>");

    const second = await request("/authors/owen");
    expect(second.status).toBe(200);
    expect(second.headers["x-page-cache"]).toBe("HIT");
    expect(second.body.equals(first.body)).toBe(true);
    expect(second.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(second.headers["cache-control"]).toBe("public, no-cache");
    expect(second.headers.etag).toMatch(/^"[^"]+"$/);
    expect(second.headers["content-length"]).toBe(String(first.body.length));
    expect(rendersOf("/authors/owen")).toBe(1);
  });

  it("answers If-None-Match with the current etag with 304 and no body", async () => {
    await request("/authors/owen");
    const hit = await request("/authors/owen");
    const etag = String(hit.headers.etag);
    const revalidated = await request("/authors/owen", { headers: { "if-none-match": etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    expect(revalidated.headers.etag).toBe(etag);
    expect(revalidated.headers["x-page-cache"]).toBe("HIT");

    const stale = await request("/authors/owen", { headers: { "if-none-match": '"something-else"' } });
    expect(stale.status).toBe(200);
    expect(stale.body.equals(hit.body)).toBe(true);
  });

  it("serves brotli and gzip to clients that accept them, each decoding to the page", async () => {
    const plain = await request("/authors/owen");
    const identity = await request("/authors/owen");
    expect(identity.headers["content-encoding"]).toBeUndefined();

    const br = await request("/authors/owen", { headers: { "accept-encoding": "gzip, deflate, br, zstd" } });
    expect(br.headers["x-page-cache"]).toBe("HIT");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length);

    const gzip = await request("/authors/owen", { headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);

    for (const response of [identity, br, gzip]) expect(String(response.headers.vary)).toMatch(/Accept-Encoding/);
    expect(new Set([identity.headers.etag, br.headers.etag, gzip.headers.etag]).size).toBe(3);
  });

  // "br;q=0" refuses brotli (RFC 9110 §12.5.3).
  it("does not send an encoding the client refused with q=0", async () => {
    await request("/authors/owen");
    const response = await request("/authors/owen", { headers: { "accept-encoding": "br;q=0, gzip" } });
    expect(response.headers["content-encoding"]).toBe("gzip");
  });

  it("keeps every value of a repeated header on a hit, whether or not headers were set before it", async () => {
    const links = ["</a.css>; rel=preload; as=style", "</b.css>; rel=preload; as=style"].join(", ");
    expect((await request("/articles/two-link-headers")).headers.link).toBe(links);
    const fast = await request("/articles/two-link-headers");
    const preset = await request("/articles/two-link-headers", { headers: { "x-test-preset": "1" } });
    for (const hit of [fast, preset]) {
      expect(hit.headers["x-page-cache"]).toBe("HIT");
      expect(hit.headers.link).toBe(links);
    }
    expect(preset.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("answers HEAD from the cache without a body", async () => {
    const page = await request("/authors/owen");
    const head = await request("/authors/owen", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers["x-page-cache"]).toBe("HIT");
    expect(head.headers["content-length"]).toBe(String(page.body.length));
    expect(head.body.length).toBe(0);
  });

  it("stores pages rendered by the real data layer under the tags it recorded", async () => {
    const first = await request("/articles/welcome-to-the-demo-platform");
    expect(first.headers["x-page-cache"]).toBe("MISS");
    expect(first.body.toString()).toContain("Demo: Welcome to the Platform");
    const cached = store.get("/articles/welcome-to-the-demo-platform");
    const article = await getPublishedArticleBySlug({ slug: "welcome-to-the-demo-platform" });
    expect(cached?.tags).toEqual(
      expect.arrayContaining([cacheTags.article(article?.id ?? -1), cacheTags.author(owenId)]),
    );
    expect((await request("/articles/welcome-to-the-demo-platform")).headers["x-page-cache"]).toBe("HIT");
  });
});

describe("invalidation", () => {
  it("a write from another connection makes the very next request a miss showing the new value", async () => {
    await request("/authors/owen");
    expect((await request("/authors/owen")).headers["x-page-cache"]).toBe("HIT");

    renameOwenElsewhere("Owen (renamed elsewhere)");
    const next = await request("/authors/owen");
    expect(next.headers["x-page-cache"]).toBe("MISS");
    expect(next.body.toString()).toContain("<h1>Owen (renamed elsewhere)</h1>");
    const after = await request("/authors/owen");
    expect(after.headers["x-page-cache"]).toBe("HIT");
    expect(after.body.toString()).toContain("<h1>Owen (renamed elsewhere)</h1>");
  });

  it("an app write through the data layer does the same", async () => {
    await request("/authors/owen");
    expect(await updateUserProfile({ userId: owenId, displayName: "Owen" })).toBe(true);
    const next = await request("/authors/owen");
    expect(next.headers["x-page-cache"]).toBe("MISS");
    expect(next.body.toString()).toContain("<h1>Owen</h1>");
  });

  it("a write with unrelated tags leaves the page cached", async () => {
    await request("/authors/owen");
    writerDb.transaction((tx) => invalidateCacheTags(tx, [cacheTags.tag(999), cacheTags.site]));
    expect((await request("/authors/owen")).headers["x-page-cache"]).toBe("HIT");
  });

  it("does not store a page whose data changed while it was rendering", async () => {
    const gate = deferred();
    gates.set("/authors/owen", gate.promise);
    const pending = request("/authors/owen");
    await waitFor(() => rendersOf("/authors/owen") === 1);
    // The render has read the old name; the write commits before it finishes.
    renameOwenElsewhere("Owen (changed mid-render)");
    gate.resolve();
    const stale = await pending;
    expect(stale.headers["x-page-cache"]).toBe("MISS");
    gates.delete("/authors/owen");

    const next = await request("/authors/owen");
    expect(next.headers["x-page-cache"]).toBe("MISS");
    expect(next.body.toString()).toContain("<h1>Owen (changed mid-render)</h1>");
    await updateUserProfile({ userId: owenId, displayName: "Owen" });
  });
});

describe("what is never stored", () => {
  it("a response that sets a cookie", async () => {
    const first = await request("/articles/sets-a-cookie");
    expect(first.headers["set-cookie"]).toBeDefined();
    const second = await request("/articles/sets-a-cookie");
    expect(second.headers["x-page-cache"]).toBe("MISS");
    expect(second.headers["set-cookie"]).toBeDefined();
    expect(rendersOf("/articles/sets-a-cookie")).toBe(2);
  });

  it("a 404", async () => {
    const first = await request("/articles/not-found");
    expect(first.status).toBe(404);
    const second = await request("/articles/not-found");
    expect(second.status).toBe(404);
    expect(second.headers["x-page-cache"]).toBe("MISS");
    expect(rendersOf("/articles/not-found")).toBe(2);
  });

  it("a render that recorded no cache tags (nothing could ever invalidate it)", async () => {
    await request("/articles/reads-nothing-tagged");
    const second = await request("/articles/reads-nothing-tagged");
    expect(second.headers["x-page-cache"]).toBe("MISS");
    expect(rendersOf("/articles/reads-nothing-tagged")).toBe(2);
    expect(store.size).toBe(0);
  });
});

describe("concurrent misses", () => {
  it("render once; the other requests wait and get the same page", async () => {
    const gate = deferred();
    gates.set("/tags/slow", gate.promise);
    const before = requestsReceived;
    const responses = Promise.all(Array.from({ length: 5 }, () => request("/tags/slow")));
    await waitFor(() => requestsReceived - before === 5);
    gate.resolve();
    const results = await responses;

    expect(rendersOf("/tags/slow")).toBe(1);
    for (const response of results) {
      expect(response.status).toBe(200);
      expect(response.body.toString()).toBe("<html><body>slow page</body></html>");
    }
    const labels = results.map((response) => response.headers["x-page-cache"]).sort();
    expect(labels).toEqual(["HIT", "HIT", "HIT", "HIT", "MISS"]);
  });
});

describe("bypass and normalisation", () => {
  it("sends signed-in visitors past the cache, even when the page is cached", async () => {
    await request("/authors/owen");
    const signedIn = await request("/authors/owen", { headers: { cookie: "theme=dark; authjs.session-token=abc" } });
    expect(signedIn.headers["x-page-cache"]).toBe("BYPASS");
    const chunked = await request("/authors/owen", { headers: { cookie: "__Secure-authjs.session-token.0=abc" } });
    expect(chunked.headers["x-page-cache"]).toBe("BYPASS");
    expect(rendersOf("/authors/owen")).toBe(3);
  });

  it("bypasses RSC and server-action requests and pages it does not know", async () => {
    expect((await request("/authors/owen", { headers: { rsc: "1" } })).headers["x-page-cache"]).toBe("BYPASS");
    expect((await request("/authors/owen", { headers: { "next-action": "abc" } })).headers["x-page-cache"]).toBe(
      "BYPASS",
    );
    expect((await request("/authors/owen?_rsc=xyz")).headers["x-page-cache"]).toBe("BYPASS");
    expect((await request("/admin/settings")).headers["x-page-cache"]).toBe("BYPASS");
    expect((await request("/authors/owen", { method: "POST" })).headers["x-page-cache"]).toBe("BYPASS");
    // Bypassed requests reach Next untouched.
    expect(renders).toContain("/authors/owen?_rsc=xyz");
    expect(renders).toContain("/admin/settings");
    expect(store.size).toBe(0);
  });

  it("renders the normalised URL, and equivalent URLs share one cached page", async () => {
    const first = await request("/authors/owen?page=1&utm_source=newsletter");
    expect(first.headers["x-page-cache"]).toBe("MISS");
    expect(renders).toEqual(["/authors/owen"]);
    expect(first.body.toString()).toContain("url=/authors/owen<");

    expect((await request("/authors/owen")).headers["x-page-cache"]).toBe("HIT");
    expect((await request("/authors/owen?fbclid=1")).headers["x-page-cache"]).toBe("HIT");

    const second = await request("/authors/owen?ref=x&page=2");
    expect(second.headers["x-page-cache"]).toBe("MISS");
    expect(renders).toEqual(["/authors/owen", "/authors/owen?page=2"]);
  });
});
