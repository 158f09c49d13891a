import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildCachedPage, flatHeaderList, PageCacheStore, publicCacheControl, type CachedPage } from "@/lib/page-cache/page-cache-store";

function headerObject(list: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i < list.length; i += 2) headers[list[i] as string] = list[i + 1] as string;
  return headers;
}

function page(key: string, tags: string[], body = `<html><body>${key}</body></html>`): CachedPage {
  return buildCachedPage({
    key,
    tags,
    headers: { "content-type": "text/html; charset=utf-8" },
    body: Buffer.from(body),
  });
}

const html = `<!DOCTYPE html><html><head><title>Crosscurrents</title></head><body>${"<p>Opinion from around the world, in translation. </p>".repeat(200)}</body></html>`;

describe("buildCachedPage", () => {
  const built = buildCachedPage({
    key: "/articles/x",
    tags: ["article:1", "articles"],
    headers: {
      "content-type": "text/html; charset=utf-8",
      "Set-Cookie": ["a=b"],
      "content-length": "123",
      "content-encoding": "identity",
      date: "Mon, 01 Jan 2024 00:00:00 GMT",
      etag: '"next-etag"',
      connection: "keep-alive",
      "keep-alive": "timeout=5",
      "transfer-encoding": "chunked",
      "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
      "x-page-cache": "MISS",
      vary: "RSC, Next-Router-State-Tree, Accept-Encoding",
      "x-powered-by": "Next.js",
      link: "</style.css>; rel=preload; as=style",
    },
    body: Buffer.from(html),
  });

  it("serves the original body uncompressed", () => {
    expect(built.variants.identity.body.toString()).toBe(html);
    expect(built.variants.identity.headers["content-encoding"]).toBeUndefined();
  });

  it("stores gzip and brotli variants that decompress to the original body", () => {
    expect(gunzipSync(built.variants.gzip.body).toString()).toBe(html);
    expect(brotliDecompressSync(built.variants.br.body).toString()).toBe(html);
    expect(built.variants.gzip.headers["content-encoding"]).toBe("gzip");
    expect(built.variants.br.headers["content-encoding"]).toBe("br");
    expect(built.variants.gzip.body.length).toBeLessThan(html.length);
    expect(built.variants.br.body.length).toBeLessThan(html.length);
  });

  it("gives every variant a content-length matching its own bytes", () => {
    for (const variant of Object.values(built.variants)) {
      expect(variant.headers["content-length"]).toBe(String(variant.body.length));
    }
  });

  it("gives each encoding its own strong etag sharing the page's base", () => {
    const etags = Object.values(built.variants).map((variant) => String(variant.headers.etag));
    expect(new Set(etags).size).toBe(3);
    for (const etag of etags) {
      expect(etag).toMatch(/^"[^"]+"$/);
      expect(etag).toContain(built.etagBase);
    }
  });

  it("derives the etag from the body: same body same etag, different body different etag", () => {
    const again = buildCachedPage({ key: "/other", tags: ["x"], headers: {}, body: Buffer.from(html) });
    const changed = buildCachedPage({ key: "/articles/x", tags: ["x"], headers: {}, body: Buffer.from(`${html}!`) });
    expect(again.etagBase).toBe(built.etagBase);
    expect(changed.etagBase).not.toBe(built.etagBase);
  });

  it("does not store per-response headers", () => {
    for (const variant of Object.values(built.variants)) {
      const names = Object.keys(variant.headers);
      for (const name of ["set-cookie", "Set-Cookie", "date", "connection", "keep-alive", "transfer-encoding", "x-page-cache"]) {
        expect(names).not.toContain(name);
      }
      expect(variant.headers.etag).not.toBe('"next-etag"');
    }
  });

  it("keeps the page's own headers, lower-cased", () => {
    const headers = built.variants.identity.headers;
    expect(headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(headers["x-powered-by"]).toBe("Next.js");
    expect(headers.link).toBe("</style.css>; rel=preload; as=style");
  });

  it("marks the page public but always revalidated", () => {
    for (const variant of Object.values(built.variants)) {
      expect(variant.headers["cache-control"]).toBe("public, no-cache");
    }
  });

  it("lets a CDN keep the page for s-maxage only when the operator opts in; browsers still revalidate", () => {
    expect(publicCacheControl(0)).toBe("public, no-cache");
    expect(publicCacheControl(30)).toBe("public, max-age=0, s-maxage=30");
    const cdn = buildCachedPage({ key: "/", tags: ["site"], headers: {}, body: Buffer.from(html), cacheControl: publicCacheControl(30) });
    expect(headerObject(cdn.variants.gzip.hitHeaders)["cache-control"]).toBe("public, max-age=0, s-maxage=30");
  });

  it("builds the headers of a hit and of a 304 once, when the page is stored", () => {
    for (const variant of Object.values(built.variants)) {
      expect(headerObject(variant.hitHeaders)).toEqual({ ...variant.headers, "x-page-cache": "HIT" });
      const notModified = headerObject(variant.notModifiedHeaders);
      expect(notModified["content-length"]).toBeUndefined();
      expect(notModified["content-encoding"]).toBeUndefined();
      expect(notModified.etag).toBe(variant.headers.etag);
      expect(notModified["cache-control"]).toBe("public, no-cache");
    }
  });

  it("lists a header with several values once per value", () => {
    expect(flatHeaderList({ link: ["<a>; rel=preload", "<b>; rel=preload"], "content-length": 3 })).toEqual([
      "link",
      "<a>; rel=preload",
      "link",
      "<b>; rel=preload",
      "content-length",
      "3",
    ]);
  });

  it("varies on Accept-Encoding once, keeping Next's own Vary values", () => {
    const vary = String(built.variants.identity.headers.vary)
      .split(",")
      .map((value) => value.trim());
    expect(vary).toContain("Accept-Encoding");
    expect(vary.filter((value) => value === "Accept-Encoding")).toHaveLength(1);
    expect(vary).toEqual(expect.arrayContaining(["RSC", "Next-Router-State-Tree"]));
  });

  it("adds Vary: Accept-Encoding even when Next sent no Vary", () => {
    expect(page("/", ["site"]).variants.br.headers.vary).toBe("Accept-Encoding");
  });

  it("counts every stored variant in its size", () => {
    const total = Object.values(built.variants).reduce((sum, variant) => sum + variant.body.length, 0);
    expect(built.bytes).toBeGreaterThanOrEqual(total);
  });
});

describe("PageCacheStore", () => {
  it("returns what was stored, and nothing for unknown keys", () => {
    const store = new PageCacheStore(10 * 1024 * 1024);
    const home = page("/", ["articles"]);
    store.set(home);
    expect(store.get("/")).toBe(home);
    expect(store.get("/?page=2")).toBeUndefined();
    expect(store.size).toBe(1);
    expect(store.bytes).toBe(home.bytes);
  });

  it("replaces a page stored again under the same key without double-counting it", () => {
    const store = new PageCacheStore(10 * 1024 * 1024);
    store.set(page("/", ["articles"], "old"));
    const fresh = page("/", ["articles", "site"], "new");
    store.set(fresh);
    expect(store.size).toBe(1);
    expect(store.bytes).toBe(fresh.bytes);
    expect(store.get("/")?.variants.identity.body.toString()).toBe("new");
    expect(store.invalidateTags(["site"])).toBe(1);
    expect(store.bytes).toBe(0);
  });

  it("evicts the least recently used pages once over its byte budget", () => {
    const sample = page("/a", ["t"]);
    // Room for exactly three pages of this size.
    const store = new PageCacheStore(sample.bytes * 3);
    store.set(page("/a", ["t"]));
    store.set(page("/b", ["t"]));
    store.set(page("/c", ["t"]));
    expect(store.size).toBe(3);
    // Reading /a makes /b the least recently used.
    expect(store.get("/a")).toBeDefined();
    store.set(page("/d", ["t"]));
    expect(store.get("/b")).toBeUndefined();
    expect(store.get("/a")).toBeDefined();
    expect(store.get("/c")).toBeDefined();
    expect(store.get("/d")).toBeDefined();
    expect(store.bytes).toBeLessThanOrEqual(sample.bytes * 3);
  });

  it("never stores a page larger than its whole budget, and keeps what it had", () => {
    const small = page("/small", ["t"]);
    const store = new PageCacheStore(small.bytes + 10);
    store.set(small);
    store.set(page("/huge", ["t"], html));
    expect(store.get("/huge")).toBeUndefined();
    expect(store.get("/small")).toBe(small);
  });

  it("stores nothing with a zero budget", () => {
    const store = new PageCacheStore(0);
    store.set(page("/", ["t"]));
    expect(store.size).toBe(0);
  });

  it("invalidateTags removes exactly the pages carrying a given tag", () => {
    const store = new PageCacheStore(10 * 1024 * 1024);
    store.set(page("/", ["articles", "article:1", "author:1", "site"]));
    store.set(page("/articles/one", ["article:1", "author:1", "site"]));
    store.set(page("/articles/two", ["article:2", "author:2", "site"]));
    store.set(page("/authors/two", ["author:2", "article:2", "site"]));
    store.set(page("/tags/demo", ["tag:1", "site"]));

    expect(store.invalidateTags(["article:1"])).toBe(2);
    expect(store.get("/")).toBeUndefined();
    expect(store.get("/articles/one")).toBeUndefined();
    expect(store.get("/articles/two")).toBeDefined();
    expect(store.get("/authors/two")).toBeDefined();
    expect(store.get("/tags/demo")).toBeDefined();

    // A page reached through two of the tags is removed once.
    expect(store.invalidateTags(["author:2", "article:2"])).toBe(2);
    expect(store.size).toBe(1);
    expect(store.invalidateTags(["unknown"])).toBe(0);
    expect(store.invalidateTags(["site"])).toBe(1);
    expect(store.size).toBe(0);
    expect(store.bytes).toBe(0);
  });

  it("does not keep an evicted page reachable through its tags", () => {
    const sample = page("/a", ["t"]);
    const store = new PageCacheStore(sample.bytes);
    store.set(page("/a", ["shared", "only-a"]));
    store.set(page("/b", ["shared"]));
    expect(store.get("/a")).toBeUndefined();
    expect(store.invalidateTags(["only-a"])).toBe(0);
    expect(store.invalidateTags(["shared"])).toBe(1);
  });

  it("clear empties everything", () => {
    const store = new PageCacheStore(10 * 1024 * 1024);
    store.set(page("/", ["articles"]));
    store.set(page("/tags/a", ["tag:1"]));
    store.clear();
    expect(store.size).toBe(0);
    expect(store.bytes).toBe(0);
    expect(store.get("/")).toBeUndefined();
    expect(store.invalidateTags(["articles", "tag:1"])).toBe(0);
    // Still usable afterwards.
    store.set(page("/", ["articles"]));
    expect(store.get("/")).toBeDefined();
  });
});
