import type { Metadata } from "next";
import { ArticleSummaryList } from "@/components/articles/article-summary-list";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { listPublishedArticles } from "@/db/queries/articles";
import { requireExistingPage, requirePageNumber, type SearchParams } from "@/lib/route-params";

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const page = await requirePageNumber(searchParams);
  return page === 1 ? { alternates: { canonical: "/" } } : { title: `Articles, page ${page}`, alternates: { canonical: `/?page=${page}` } };
}

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const page = await requirePageNumber(searchParams);
  const listing = await listPublishedArticles({ page });
  requireExistingPage(page, listing.pageCount);
  return (
    <div className="listing">
      <h1 className="listing-title">{page === 1 ? "Latest articles" : `Articles, page ${page}`}</h1>
      {listing.items.length === 0 ? (
        <p>No articles have been published yet.</p>
      ) : (
        <ArticleSummaryList articles={listing.items} />
      )}
      <PaginationNav basePath="/" page={page} pageCount={listing.pageCount} label="Article pages" />
    </div>
  );
}
