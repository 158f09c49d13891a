import { maxSearchQueryLength } from "@/lib/search/search-query";

// A plain GET form to /search: works without JavaScript, and the search is in the URL.
export function SearchForm({ query = "" }: { query?: string }) {
  return (
    <form action="/search" method="get" role="search" aria-label="Articles" className="search-form">
      <label htmlFor="search-query">Search articles</label>
      <div className="search-form-fields">
        <input id="search-query" name="q" type="search" defaultValue={query} maxLength={maxSearchQueryLength} />
        <button type="submit" className="button">
          Search
        </button>
      </div>
    </form>
  );
}
