import Link from "next/link";
import { MAX_SEARCH_LENGTH, USER_LIST_PATH } from "./user-list-href";

// A plain GET form: the search is in the URL (?q=) and starts again at page 1.
export function UserSearchForm({ q }: { q: string }) {
  return (
    <form action={USER_LIST_PATH} method="get" role="search" className="admin-search">
      <label htmlFor="user-search">Search by name or email</label>
      <div className="admin-inline-fields">
        <input id="user-search" name="q" type="search" defaultValue={q} maxLength={MAX_SEARCH_LENGTH} />
        <button type="submit" className="button button-small">
          Search
        </button>
        {q ? <Link href={USER_LIST_PATH}>Show all users</Link> : null}
      </div>
    </form>
  );
}
