import Link from "next/link";

function pageHref(basePath: string, page: number): string {
  return page === 1 ? basePath : `${basePath}?page=${page}`;
}

// Newer/older navigation for a paginated listing; plain links, so it works without JavaScript.
export function PaginationNav({
  basePath,
  page,
  pageCount,
  label,
}: {
  basePath: string;
  page: number;
  pageCount: number;
  label: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? (
        <Link rel="prev" href={pageHref(basePath, page - 1)}>
          ← Newer articles
        </Link>
      ) : (
        <span />
      )}
      <span className="pagination-status">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link rel="next" href={pageHref(basePath, page + 1)}>
          Older articles →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
