import { archiveMonthPath, parseArchiveMonth, parseArchiveYear } from "./archive-months";

export type ReaderRouteKind =
  | "home"
  | "article"
  | "author"
  | "publication"
  | "tag"
  | "site-feed"
  | "author-feed"
  | "publication-feed"
  | "tag-feed"
  | "comments-feed"
  | "article-social-image"
  | "tag-index"
  | "archive-index"
  | "archive-year"
  | "archive-month";

type ReaderRoute = {
  kind: ReaderRouteKind;
  pattern: RegExp;
  queryParams: readonly string[];
  // The route's key from its matched segments, "" when they can never exist; slugs by default.
  keyOf?: (match: RegExpExecArray) => string;
};

// Archive keys are "2021" and "2021/08": digits only, months 01–12.
function archiveYearKey(match: RegExpExecArray): string {
  const year = parseArchiveYear(match[1] ?? "");
  return year === null ? "" : String(year);
}

function archiveMonthKey(match: RegExpExecArray): string {
  const month = parseArchiveMonth(match[1] ?? "", match[2] ?? "");
  return month === null ? "" : archiveMonthPath(month).slice("/archive/".length);
}

// The reader pages, matched broadly (any segment) so that a malformed slug is still recognised
// as "this route, nothing there" rather than falling through to Next.
const readerRoutes: readonly ReaderRoute[] = [
  { kind: "home", pattern: /^\/$/, queryParams: ["page"] },
  { kind: "article", pattern: /^\/articles\/([^/]+)$/, queryParams: [] },
  { kind: "author", pattern: /^\/authors\/([^/]+)$/, queryParams: ["page"] },
  { kind: "publication", pattern: /^\/publications\/([^/]+)$/, queryParams: ["page"] },
  { kind: "tag", pattern: /^\/tags\/([^/]+)$/, queryParams: ["page"] },
  // Feeds (RSS, Atom, JSON Feed) of the listings above, and an article's comments feed.
  { kind: "site-feed", pattern: /^\/(?:feed\.xml|atom\.xml|feed\.json)$/, queryParams: [] },
  { kind: "author-feed", pattern: /^\/authors\/([^/]+)\/(?:feed\.xml|atom\.xml|feed\.json)$/, queryParams: [] },
  { kind: "publication-feed", pattern: /^\/publications\/([^/]+)\/(?:feed\.xml|atom\.xml|feed\.json)$/, queryParams: [] },
  { kind: "tag-feed", pattern: /^\/tags\/([^/]+)\/(?:feed\.xml|atom\.xml|feed\.json)$/, queryParams: [] },
  { kind: "comments-feed", pattern: /^\/articles\/([^/]+)\/comments\.xml$/, queryParams: [] },
  // The article's social image; its version query only names the image for caches outside the
  // site, so it is left out of the page-cache key (the image is the same for every version).
  { kind: "article-social-image", pattern: /^\/articles\/([^/]+)\/social-image\.png$/, queryParams: [] },
  // Indexes: every tag with its article count; the archive by month and year.
  { kind: "tag-index", pattern: /^\/tags$/, queryParams: [] },
  { kind: "archive-index", pattern: /^\/archive$/, queryParams: [] },
  { kind: "archive-year", pattern: /^\/archive\/([^/]+)$/, queryParams: [], keyOf: archiveYearKey },
  { kind: "archive-month", pattern: /^\/archive\/([^/]+)\/([^/]+)$/, queryParams: ["page"], keyOf: archiveMonthKey },
];

const validSlug = /^[a-z0-9][a-z0-9-]{0,199}$/;

export type ReaderRouteMatch = {
  kind: ReaderRouteKind;
  // Null when the route takes no slug; "" when the URL's slug can never exist.
  slug: string | null;
  // The query parameters the page reads; everything else is ignored by the page.
  queryParams: readonly string[];
};

export function matchReaderRoute(pathname: string): ReaderRouteMatch | null {
  for (const route of readerRoutes) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const rawSlug = match[1];
    const slug = route.keyOf ? route.keyOf(match) : rawSlug === undefined ? null : validSlug.test(rawSlug) ? rawSlug : "";
    return { kind: route.kind, slug, queryParams: route.queryParams };
  }
  return null;
}
