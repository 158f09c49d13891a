import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArticleSummaryList } from "@/components/articles/article-summary-list";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { listPublishedArticlesBetween } from "@/db/queries/articles";
import { getSiteSettings } from "@/db/queries/site-settings";
import { archiveMonthLabel, archiveMonthPath, archiveYearPath, monthRange, parseArchiveMonth } from "@/lib/archive-months";
import { getDisplayTimeZone } from "@/lib/display-time-zone";
import { requireExistingPage, requirePageNumber, type SearchParams } from "@/lib/route-params";
import { socialMetadata } from "@/lib/seo/social-metadata";

type Params = Promise<{ year: string; month: string }>;

const loadMonth = cache(async (yearSegment: string, monthSegment: string) => {
  const month = parseArchiveMonth(yearSegment, monthSegment);
  if (month === null) notFound();
  return month;
});

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: SearchParams }): Promise<Metadata> {
  const { year, month: monthSegment } = await params;
  const month = await loadMonth(year, monthSegment);
  const page = await requirePageNumber(searchParams);
  const settings = await getSiteSettings();
  const basePath = archiveMonthPath(month);
  const path = page === 1 ? basePath : `${basePath}?page=${page}`;
  const title = page === 1 ? `Archive: ${archiveMonthLabel(month)}` : `Archive: ${archiveMonthLabel(month)}, page ${page}`;
  const description = `Articles published on ${settings.siteTitle} in ${archiveMonthLabel(month)}.`;
  return {
    title,
    description,
    alternates: { canonical: path },
    ...socialMetadata({ title, description, path, siteName: settings.siteTitle }),
  };
}

export default async function ArchiveMonthPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { year, month: monthSegment } = await params;
  const month = await loadMonth(year, monthSegment);
  const page = await requirePageNumber(searchParams);
  const listing = await listPublishedArticlesBetween({ ...monthRange(month, await getDisplayTimeZone()), page });
  // A month without visible articles has no archive page.
  if (listing.total === 0) notFound();
  requireExistingPage(page, listing.pageCount);
  return (
    <div className="listing">
      <p className="breadcrumb">
        <Link href="/archive">Archive</Link> › <Link href={archiveYearPath(month.year)}>{month.year}</Link>
      </p>
      <h1 className="listing-title">
        Archive: {archiveMonthLabel(month)}
        {page === 1 ? null : `, page ${page}`}
      </h1>
      <ArticleSummaryList articles={listing.items} />
      <PaginationNav basePath={archiveMonthPath(month)} page={page} pageCount={listing.pageCount} label="Article pages" />
    </div>
  );
}
