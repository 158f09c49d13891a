import type { IncomingMessage, ServerResponse } from "node:http";
import {
  listPublishedArticles,
  listPublishedArticlesByAuthor,
  listPublishedArticlesByPublication,
  listPublishedArticlesBetween,
  listPublishedArticlesByTag,
  publishedArticleExists,
} from "../db/queries/articles";
import { getAuthorBySlug } from "../db/queries/authors";
import { commentExists } from "../db/queries/comments";
import { editorArticleExists } from "../db/queries/article-editor";
import { countAdmins } from "../db/queries/auth-users";
import { findValidOneTimeToken } from "../db/queries/one-time-tokens";
import { getPublicationBySlug } from "../db/queries/publications";
import { findSlugRedirect } from "../db/queries/slug-redirects";
import { getTagBySlug } from "../db/queries/tags";
import { monthRange, parseArchiveMonth, parseArchiveYear, yearRange } from "./archive-months";
import { resolveSiteTimeZone } from "./site-time-zone";
import { parsePageNumber } from "./pagination";
import { matchReaderRoute, type ReaderRouteMatch } from "./reader-routes";

// Next's own not-found route, which it renders fully on the server.
export const NOT_FOUND_PATH = "/_not-found";

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

async function pageWithinListing(listing: Promise<{ pageCount: number }>, page: number): Promise<boolean> {
  return page <= (await listing).pageCount;
}

export async function readerPageExists(route: ReaderRouteMatch, query: URLSearchParams): Promise<boolean> {
  if (route.slug === "") return false;
  const pageValues = query.getAll("page");
  const page = route.queryParams.includes("page")
    ? parsePageNumber(pageValues.length > 1 ? pageValues : pageValues[0])
    : 1;
  if (page === null) return false;
  const slug = route.slug ?? "";
  switch (route.kind) {
    case "tag-index":
    case "archive-index":
      return true;
    case "archive-year": {
      // A year (or month) exists while it has a reader-visible article.
      const year = parseArchiveYear(slug);
      if (year === null) return false;
      const range = yearRange(year, await resolveSiteTimeZone());
      return (await listPublishedArticlesBetween({ ...range, page: 1, perPage: 1 })).total > 0;
    }
    case "archive-month": {
      const [yearPart = "", monthPart = ""] = slug.split("/");
      const month = parseArchiveMonth(yearPart, monthPart);
      if (month === null) return false;
      const range = monthRange(month, await resolveSiteTimeZone());
      const listing = await listPublishedArticlesBetween({ ...range, page });
      return listing.total > 0 && page <= listing.pageCount;
    }
    case "home":
      return pageWithinListing(listPublishedArticles({ page }), page);
    case "article":
      return publishedArticleExists({ slug });
    case "author": {
      const author = await getAuthorBySlug({ slug });
      return author !== null && pageWithinListing(listPublishedArticlesByAuthor({ authorId: author.id, page }), page);
    }
    case "publication": {
      const publication = await getPublicationBySlug({ slug });
      return (
        publication !== null &&
        pageWithinListing(listPublishedArticlesByPublication({ publicationId: publication.id, page }), page)
      );
    }
    case "tag": {
      const tag = await getTagBySlug({ slug });
      return tag !== null && pageWithinListing(listPublishedArticlesByTag({ tagId: tag.id, page }), page);
    }
    case "site-feed":
      return true;
    case "author-feed":
      return (await getAuthorBySlug({ slug })) !== null;
    case "publication-feed":
      return (await getPublicationBySlug({ slug })) !== null;
    case "tag-feed":
      return (await getTagBySlug({ slug })) !== null;
    case "comments-feed":
    case "article-social-image":
      return publishedArticleExists({ slug });
  }
}

// Pages reached through a one-time link exist only while the link is valid; /setup exists only
// until the first admin is created.
async function tokenPageExists(pathname: string, query: URLSearchParams): Promise<boolean | null> {
  const token = query.get("token") ?? "";
  if (pathname === "/setup") {
    return (await countAdmins()) === 0 && (await findValidOneTimeToken({ purpose: "setup", token })) !== undefined;
  }
  if (pathname === "/reset-password") {
    return (await findValidOneTimeToken({ purpose: "password-reset", token })) !== undefined;
  }
  return null;
}

const commentEditPath = /^\/comments\/(\d{1,15})\/edit$/;
const articleEditorPath = /^\/dashboard\/articles\/([^/]+)\/(?:edit|revisions)$/;

// The editor and revisions pages of an article exist while the article does; whose it is, the page decides.
async function editorPageExists(pathname: string): Promise<boolean | null> {
  const match = articleEditorPath.exec(pathname);
  if (!match) return null;
  const id = match[1] ?? "";
  return /^\d{1,15}$/.test(id) && editorArticleExists({ articleId: Number(id) });
}

// The edit page of a comment exists while the comment does; whose it is, the page decides.
async function commentPageExists(pathname: string): Promise<boolean | null> {
  if (!pathname.startsWith("/comments/")) return null;
  const match = commentEditPath.exec(pathname);
  if (!match) return false;
  return commentExists({ commentId: Number(match[1]) });
}

// Whether the page at this URL exists, or null when the URL is not one this module guards.
export async function pageExists(url: string): Promise<boolean | null> {
  const queryStart = url.indexOf("?");
  const pathname = queryStart === -1 ? url : url.slice(0, queryStart);
  const query = new URLSearchParams(queryStart === -1 ? "" : url.slice(queryStart + 1));
  const route = matchReaderRoute(pathname);
  if (route) return readerPageExists(route, query);
  return (await commentPageExists(pathname)) ?? (await editorPageExists(pathname)) ?? tokenPageExists(pathname, query);
}

const redirectKinds = {
  article: "article",
  tag: "tag",
  publication: "publication",
  // A renamed tag's, publication's or article's feeds follow it too.
  "tag-feed": "tag",
  "publication-feed": "publication",
  "comments-feed": "article",
  "article-social-image": "article",
} as const;
const routePrefixes = { article: "/articles/", tag: "/tags/", publication: "/publications/" } as const;

// The current URL of a renamed article, tag or publication, for a 301 from its old one.
export async function renamedPageLocation(url: string): Promise<string | null> {
  const queryStart = url.indexOf("?");
  const pathname = queryStart === -1 ? url : url.slice(0, queryStart);
  const route = matchReaderRoute(pathname);
  if (!route?.slug || !(route.kind in redirectKinds)) return null;
  const kind = redirectKinds[route.kind as keyof typeof redirectKinds];
  const current = await findSlugRedirect({ kind, slug: route.slug });
  if (current === null || current === route.slug) return null;
  // What follows the slug in the path: "" for the page itself, "/feed.xml" and the like for its feeds
  // and images.
  const rest = pathname.slice(routePrefixes[kind].length + route.slug.length);
  return `${routePrefixes[kind]}${current}${rest}${queryStart === -1 ? "" : url.slice(queryStart)}`;
}

// Next 16 answers a notFound() thrown by a page with a 404 whose HTML is an empty shell (the
// not-found content only arrives with JavaScript). So the serving path decides whether a page
// exists before Next renders, and sends missing ones to Next's not-found route, which is fully
// server-rendered. The pages keep their own notFound() for anything that slips between.
export function renderMissingPagesAsNotFound(render: RequestHandler): RequestHandler {
  return async (req, res) => {
    const isDocumentRequest = (req.method === "GET" || req.method === "HEAD") && req.headers.rsc === undefined;
    if (isDocumentRequest && (await pageExists(req.url ?? "/")) === false) {
      const location = await renamedPageLocation(req.url ?? "/");
      if (location) {
        // Not cached by browsers: a slug can be taken back by a later rename.
        res.writeHead(301, { location, "cache-control": "no-cache" });
        res.end();
        return;
      }
      req.url = NOT_FOUND_PATH;
    }
    return render(req, res);
  };
}
