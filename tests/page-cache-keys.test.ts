import { describe, expect, it } from "vitest";
import { pageCacheKeyFor, type PageRequest } from "@/lib/page-cache/cacheable-pages";
import { hasSessionCookie, SESSION_COOKIE_NAMES } from "@/lib/session-cookie";

function get(url: string, headers: PageRequest["headers"] = {}): PageRequest {
  return { method: "GET", url, headers };
}

describe("pageCacheKeyFor: cacheable pages", () => {
  it.each([
    ["/", "/"],
    ["/articles/some-article", "/articles/some-article"],
    ["/authors/owen", "/authors/owen"],
    ["/publications/kohoku-shimbun-demo", "/publications/kohoku-shimbun-demo"],
    ["/tags/translation", "/tags/translation"],
    ["/sitemap.xml", "/sitemap.xml"],
    ["/robots.txt", "/robots.txt"],
    ["/sitemap.xml?utm_source=x", "/sitemap.xml"],
    ["/articles/some-article/social-image.png?v=Ab3_x-9Zq0Lm", "/articles/some-article/social-image.png"],
  ])("caches %s under %s", (url, key) => {
    expect(pageCacheKeyFor(get(url))).toBe(key);
  });

  it("caches HEAD under the same key as GET", () => {
    expect(pageCacheKeyFor({ method: "HEAD", url: "/tags/demo", headers: {} })).toBe("/tags/demo");
  });
});

describe("pageCacheKeyFor: query normalisation", () => {
  it("drops ?page=1, which is the same page as no page", () => {
    expect(pageCacheKeyFor(get("/?page=1"))).toBe("/");
    expect(pageCacheKeyFor(get("/authors/owen?page=1"))).toBe("/authors/owen");
  });

  it("keeps other page numbers on listings", () => {
    expect(pageCacheKeyFor(get("/?page=2"))).toBe("/?page=2");
    expect(pageCacheKeyFor(get("/authors/owen?page=2"))).toBe("/authors/owen?page=2");
    expect(pageCacheKeyFor(get("/publications/kohoku-shimbun-demo?page=3"))).toBe(
      "/publications/kohoku-shimbun-demo?page=3",
    );
    expect(pageCacheKeyFor(get("/tags/demo?page=2"))).toBe("/tags/demo?page=2");
  });

  it("drops parameters the page does not read (tracking parameters share one cached page)", () => {
    expect(pageCacheKeyFor(get("/?utm_source=newsletter&fbclid=abc"))).toBe("/");
    expect(pageCacheKeyFor(get("/?utm_source=x&page=2&ref=y"))).toBe("/?page=2");
    expect(pageCacheKeyFor(get("/articles/a?utm_campaign=z"))).toBe("/articles/a");
  });

  it("drops page on article pages, which are not paginated", () => {
    expect(pageCacheKeyFor(get("/articles/some-article?page=2"))).toBe("/articles/some-article");
  });

  it("refuses to cache a duplicated page parameter", () => {
    expect(pageCacheKeyFor(get("/?page=2&page=3"))).toBeNull();
    expect(pageCacheKeyFor(get("/tags/demo?page=1&page=1"))).toBeNull();
  });

  it("keeps an invalid page value in the key, so it is never answered with page 1", () => {
    expect(pageCacheKeyFor(get("/?page=abc"))).toBe("/?page=abc");
    expect(pageCacheKeyFor(get("/?page=abc"))).not.toBe(pageCacheKeyFor(get("/")));
  });

  it("treats an empty query string as none", () => {
    expect(pageCacheKeyFor(get("/?"))).toBe("/");
  });
});

describe("pageCacheKeyFor: requests that bypass the cache", () => {
  it.each(["POST", "PUT", "DELETE", "PATCH", "OPTIONS"])("%s", (method) => {
    expect(pageCacheKeyFor({ method, url: "/", headers: {} })).toBeNull();
  });

  it("a request without a method or URL", () => {
    expect(pageCacheKeyFor({ url: "/", headers: {} })).toBeNull();
    expect(pageCacheKeyFor({ method: "GET", headers: {} })).toBeNull();
  });

  it.each(SESSION_COOKIE_NAMES.map((name) => [name]))("a visitor with the %s session cookie", (name) => {
    expect(pageCacheKeyFor(get("/", { cookie: `${name}=abc` }))).toBeNull();
    expect(pageCacheKeyFor(get("/", { cookie: `theme=dark; ${name}=abc; other=1` }))).toBeNull();
    // Auth.js splits large tokens into chunks named name.0, name.1, ...
    expect(pageCacheKeyFor(get("/articles/a", { cookie: `${name}.0=abc; ${name}.1=def` }))).toBeNull();
  });

  it("a session cookie given as an array of cookie headers", () => {
    expect(pageCacheKeyFor(get("/", { cookie: ["theme=dark", "authjs.session-token=abc"] }))).toBeNull();
  });

  it("does not bypass for unrelated cookies or look-alike names", () => {
    expect(pageCacheKeyFor(get("/", { cookie: "theme=dark; authjs.csrf-token=x" }))).toBe("/");
    expect(pageCacheKeyFor(get("/", { cookie: "xauthjs.session-token=abc" }))).toBe("/");
    expect(pageCacheKeyFor(get("/", { cookie: "authjs.session-tokenx=abc" }))).toBe("/");
  });

  it.each([["rsc"], ["next-router-prefetch"], ["next-router-state-tree"], ["next-action"]])(
    "Next's internal %s header",
    (header) => {
      expect(pageCacheKeyFor(get("/", { [header]: "1" }))).toBeNull();
    },
  );

  it("an _rsc query parameter", () => {
    expect(pageCacheKeyFor(get("/?_rsc=abc123"))).toBeNull();
    expect(pageCacheKeyFor(get("/articles/a?_rsc=1"))).toBeNull();
  });

  it.each([
    "/admin",
    "/articles",
    "/articles/",
    "/articles/a/comments",
    "/api/health",
    "/_next/static/chunk.js",
    "/favicon.ico",
    "/articles/Upper-Case",
    "/articles/-leading-hyphen",
    "/tags/",
  ])("an unknown path %s", (url) => {
    expect(pageCacheKeyFor(get(url))).toBeNull();
  });

  it("a trailing slash (Next redirects it; the redirect must not be cached as the page)", () => {
    expect(pageCacheKeyFor(get("/articles/some-article/"))).toBeNull();
    expect(pageCacheKeyFor(get("/authors/owen/?page=2"))).toBeNull();
  });

  it("an absurdly long URL", () => {
    expect(pageCacheKeyFor(get(`/?page=2&x=${"a".repeat(3000)}`))).toBeNull();
  });

  it("a URL seen before, when this request is signed in or from Next's router (the URL's key is remembered, not the verdict)", () => {
    const url = "/articles/remembered-key?utm_source=x";
    expect(pageCacheKeyFor(get(url))).toBe("/articles/remembered-key");
    expect(pageCacheKeyFor({ method: "GET", url, headers: { cookie: "authjs.session-token=x" } })).toBeNull();
    expect(pageCacheKeyFor({ method: "GET", url, headers: { rsc: "1" } })).toBeNull();
    expect(pageCacheKeyFor({ method: "POST", url, headers: {} })).toBeNull();
    expect(pageCacheKeyFor(get(url))).toBe("/articles/remembered-key");
  });
});

describe("hasSessionCookie", () => {
  it("is false without a cookie header", () => {
    expect(hasSessionCookie(undefined)).toBe(false);
    expect(hasSessionCookie("")).toBe(false);
  });

  it("finds every known session cookie name, whole or chunked", () => {
    for (const name of SESSION_COOKIE_NAMES) {
      expect(hasSessionCookie(`${name}=x`)).toBe(true);
      expect(hasSessionCookie(`a=b;${name}.0=x`)).toBe(true);
    }
  });
});
