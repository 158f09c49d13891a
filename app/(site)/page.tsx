import type { Metadata } from "next";
import { ArticleSummaryList } from "@/components/articles/article-summary-list";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { listPublishedArticles } from "@/db/queries/articles";
import { getSiteSettings } from "@/db/queries/site-settings";
import { feedAlternateTypes } from "@/lib/feeds/site-feeds";
import { requireExistingPage, requirePageNumber, type SearchParams } from "@/lib/route-params";
import { socialMetadata } from "@/lib/seo/social-metadata";

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const page = await requirePageNumber(searchParams);
  const settings = await getSiteSettings();
  const path = page === 1 ? "/" : `/?page=${page}`;
  const title = page === 1 ? settings.siteTitle : `Articles, page ${page}`;
  const description = settings.tagline || `The latest articles on ${settings.siteTitle}`;
  return {
    ...(page === 1 ? {} : { title }),
    description,
    alternates: { canonical: path, types: feedAlternateTypes(settings.siteTitle) },
    ...socialMetadata({ title, description, path, siteName: settings.siteTitle }),
  };
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
