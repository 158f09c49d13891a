import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import "@/components/search/search.css";
import { SearchForm } from "@/components/search/search-form";
import { SearchResultList } from "@/components/search/search-result-list";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { searchArticles } from "@/db/queries/search";
import { parsePageNumber } from "@/lib/pagination";
import type { SearchParams } from "@/lib/route-params";
import { formatWait } from "@/lib/rate-limits";
import { normalizeSearchInput } from "@/lib/search/search-query";
import { searchWaitFrom } from "@/lib/search/search-throttle";

// Not a reader route (lib/reader-routes.ts), so the page cache never stores it: every search is
// rendered for its request. Any ?q= is safe; a malformed ?page= means page 1.

async function readParams(searchParams: SearchParams): Promise<{ query: string; page: number }> {
  const params = await searchParams;
  return { query: normalizeSearchInput(params.q), page: parsePageNumber(params.page) ?? 1 };
}

function searchHref(query: string, page: number): string {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set("page", String(page));
  return `/search?${params.toString()}`;
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { query, page } = await readParams(searchParams);
  const title = query ? `Search: ${query}${page > 1 ? `, page ${page}` : ""}` : "Search";
  return { title, robots: { index: false, follow: true } };
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const { query, page } = await readParams(searchParams);
  // Set by the server when this address searched too often (answered 429).
  const wait = searchWaitFrom(await headers());
  const search = query && wait === 0 ? await searchArticles({ query, page }) : null;
  return (
    <div className="listing search-page">
      <h1 className="listing-title">{query ? `Search results for “${query}”` : "Search"}</h1>
      <SearchForm query={query} />
      {wait > 0 ? (
        <p role="alert" className="form-message">
          You are searching too fast. Try again in {formatWait(wait)}.
        </p>
      ) : search === null ? null : search.total === 0 ? (
        <p role="status">No results for “{query}”.</p>
      ) : search.results.length === 0 ? (
        <p role="status">
          There is no page {page} of results for “{query}”. <Link href={searchHref(query, 1)}>Back to the first page</Link>.
        </p>
      ) : (
        <>
          <p role="status" className="search-summary">
            {search.total === 1 ? "1 article" : `${search.total.toLocaleString("en-US")} articles`} found
            {search.pageCount > 1 ? ` · page ${page} of ${search.pageCount}` : ""}
          </p>
          <SearchResultList results={search.results} />
          <PaginationNav
            page={page}
            pageCount={search.pageCount}
            label="Search result pages"
            hrefForPage={(target) => searchHref(query, target)}
            previousText="← Previous results"
            nextText="More results →"
          />
        </>
      )}
    </div>
  );
}
