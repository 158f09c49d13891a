import { matchReaderRoute } from "../reader-routes";
import { hasSessionCookie } from "../session-cookie";
import { remembered } from "./remembered";

// Requests made by Next's client router for RSC payloads, prefetches and server actions.
const nextInternalHeaders = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-action"] as const;

// app/sitemap.ts and app/robots.ts: the same for everyone, kept until what they list changes.
const seoFilePaths = new Set(["/sitemap.xml", "/robots.txt"]);

export type PageRequest = {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
};

// The normalised path-and-query under which an anonymous page is cached, or null when the
// request must go to Next uncached.
export function pageCacheKeyFor(request: PageRequest): string | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (!request.url || request.url.length > 2048) return null;
  const cookie = request.headers.cookie;
  if (hasSessionCookie(Array.isArray(cookie) ? cookie.join(";") : cookie)) return null;
  if (nextInternalHeaders.some((name) => request.headers[name] !== undefined)) return null;
  return pageCacheKeyForUrl(request.url);
}

// The rest depends on the URL alone, and readers request a small set of URLs over and over: each
// is matched against the routes once (this runs before every stored-page hit).
const pageCacheKeyForUrl = remembered((url) => normalisedPageKey(url), 4096);

function normalisedPageKey(url: string): string | null {
  const queryStart = url.indexOf("?");
  const pathname = queryStart === -1 ? url : url.slice(0, queryStart);
  // Search-engine files take no query and read only tagged data.
  if (seoFilePaths.has(pathname)) return pathname;
  // Every reader page renders the same for all anonymous visitors, so all of them are cacheable.
  const route = matchReaderRoute(pathname);
  if (!route || route.slug === "") return null;
  if (queryStart === -1) return pathname;

  const query = new URLSearchParams(url.slice(queryStart + 1));
  if (query.has("_rsc")) return null;
  const kept = new URLSearchParams();
  for (const name of route.queryParams) {
    const values = query.getAll(name);
    if (values.length > 1) return null;
    const value = values[0];
    if (value === undefined || (name === "page" && value === "1")) continue;
    kept.set(name, value);
  }
  const normalisedQuery = kept.toString();
  return normalisedQuery ? `${pathname}?${normalisedQuery}` : pathname;
}
