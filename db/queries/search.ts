import { sql } from "drizzle-orm";
import { currentTime } from "../../lib/clock";
import { countPages, pageOffset } from "../../lib/pagination";
import { highlightEnd, highlightStart, normalizeSearchInput, toFtsQuery } from "../../lib/search/search-query";
import { getDb } from "../client";
import { isVisibleToReaders } from "./article-visibility";
import { getSiteSettings } from "./site-settings";

export type SearchResult = {
  id: number;
  slug: string;
  title: string;
  publishedAt: Date;
  author: { id: number; slug: string; displayName: string };
  // Text with matched words between highlightStart and highlightEnd (lib/search/search-query.ts).
  snippet: string;
};

export type SearchResults = {
  // The query as searched (control characters removed, spaces collapsed), "" for none.
  query: string;
  results: SearchResult[];
  page: number;
  total: number;
  pageCount: number;
};

type Row = {
  id: number;
  slug: string;
  title: string;
  excerpt: string;
  published_at: number;
  author_id: number;
  author_slug: string;
  author_name: string;
  body_snippet: string;
  excerpt_snippet: string;
};

// Column weights for bm25(): title, excerpt, body, author, tags. A word in the title counts most.
const rank = sql.raw("bm25(article_search, 10.0, 4.0, 1.0, 3.0, 3.0)");
const snippetWords = 24;

// Snippets come from Markdown: line breaks, heading marks and emphasis marks are left out.
function plainSnippet(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/(^|\s)#{1,6} /g, "$1")
    .replace(/\*\*|`/g, "")
    .trim();
}

function snippetOf(row: Row): string {
  if (row.body_snippet.includes(highlightStart)) return plainSnippet(row.body_snippet);
  if (row.excerpt_snippet.includes(highlightStart)) return plainSnippet(row.excerpt_snippet);
  return row.excerpt;
}

// Full-text search over the articles readers can see, best match first. The index
// (article_search, kept by triggers in migration 0004_search) holds every article; visibility is
// decided here with the same rule as every listing. Any input is safe: see toFtsQuery.
export async function searchArticles({
  query,
  page,
  now = currentTime(),
  perPage,
}: {
  query: string;
  page: number;
  now?: Date;
  perPage?: number;
}): Promise<SearchResults> {
  const shownQuery = normalizeSearchInput(query);
  const match = toFtsQuery(shownQuery);
  if (match === null) return { query: shownQuery, results: [], page, total: 0, pageCount: 0 };
  perPage ??= (await getSiteSettings()).articlesPerPage;

  const db = getDb();
  const where = sql`article_search match ${match} and ${isVisibleToReaders(now)}`;
  const totalRow = db.get<{ total: number }>(sql`
    select count(*) as total
    from article_search join articles on articles.id = article_search.rowid
    where ${where}`);
  const total = totalRow?.total ?? 0;
  if (total === 0) return { query: shownQuery, results: [], page, total: 0, pageCount: 0 };

  const rows = db.all<Row>(sql`
    select articles.id as id, articles.slug as slug, articles.title as title, articles.excerpt as excerpt,
      articles.published_at as published_at, users.id as author_id, users.slug as author_slug,
      users.display_name as author_name,
      snippet(article_search, 2, ${highlightStart}, ${highlightEnd}, '…', ${snippetWords}) as body_snippet,
      snippet(article_search, 1, ${highlightStart}, ${highlightEnd}, '…', ${snippetWords}) as excerpt_snippet
    from article_search
      join articles on articles.id = article_search.rowid
      join users on users.id = articles.author_id
    where ${where}
    order by ${rank}, articles.published_at desc, articles.id desc
    limit ${perPage} offset ${pageOffset(page, perPage)}`);

  const results = rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    publishedAt: new Date(row.published_at),
    author: { id: row.author_id, slug: row.author_slug, displayName: row.author_name },
    snippet: snippetOf(row),
  }));
  return { query: shownQuery, results, page, total, pageCount: countPages(total, perPage) };
}
