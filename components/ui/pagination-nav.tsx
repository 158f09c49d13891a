import Link from "next/link";

function articlePageHref(basePath: string, page: number): string {
  return page === 1 ? basePath : `${basePath}?page=${page}`;
}

// Previous/next navigation for a paginated list; plain links, so it works without JavaScript.
// Article listings pass `basePath`; other lists pass `hrefForPage` to keep their own query.
export function PaginationNav({
  page,
  pageCount,
  label,
  basePath = "/",
  hrefForPage = (target) => articlePageHref(basePath, target),
  previousText = "← Newer articles",
  nextText = "Older articles →",
}: {
  page: number;
  pageCount: number;
  label: string;
  basePath?: string;
  hrefForPage?: (page: number) => string;
  previousText?: string;
  nextText?: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? (
        <Link rel="prev" href={hrefForPage(page - 1)}>
          {previousText}
        </Link>
      ) : (
        <span />
      )}
      <span className="pagination-status">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link rel="next" href={hrefForPage(page + 1)}>
          {nextText}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
