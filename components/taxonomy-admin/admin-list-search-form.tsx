import Link from "next/link";
import { SEARCH_MAX_LENGTH } from "./taxonomy-input";

// A plain GET form: the search is in the URL (?q=) and starts again at page 1.
export function AdminListSearchForm({ path, q, label, showAllText }: { path: string; q: string; label: string; showAllText: string }) {
  return (
    <form action={path} method="get" role="search" className="admin-search">
      <label htmlFor="taxonomy-search">{label}</label>
      <div className="admin-inline-fields">
        <input id="taxonomy-search" name="q" type="search" defaultValue={q} maxLength={SEARCH_MAX_LENGTH} />
        <button type="submit" className="button button-small">
          Search
        </button>
        {q ? <Link href={path}>{showAllText}</Link> : null}
      </div>
    </form>
  );
}
