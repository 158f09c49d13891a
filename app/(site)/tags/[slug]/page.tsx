import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArticleSummaryList } from "@/components/articles/article-summary-list";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { listPublishedArticlesByTag } from "@/db/queries/articles";
import { getSiteSettings } from "@/db/queries/site-settings";
import { feedAlternateTypes } from "@/lib/feeds/site-feeds";
import { getTagBySlug } from "@/db/queries/tags";
import { requireExistingPage, requirePageNumber, type SearchParams } from "@/lib/route-params";
import { socialMetadata } from "@/lib/seo/social-metadata";

type Params = Promise<{ slug: string }>;

const loadTag = cache(async (slug: string) => {
  const tag = await getTagBySlug({ slug });
  if (!tag) notFound();
  return tag;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const tag = await loadTag((await params).slug);
  const settings = await getSiteSettings();
  const path = `/tags/${tag.slug}`;
  const title = `Tagged “${tag.name}”`;
  const description = `Articles tagged “${tag.name}” on ${settings.siteTitle}.`;
  return {
    title,
    description,
    alternates: {
      canonical: path,
      types: feedAlternateTypes(settings.siteTitle, { basePath: path, title: tag.name }),
    },
    ...socialMetadata({ title, description, path, siteName: settings.siteTitle }),
  };
}

export default async function TagPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const tag = await loadTag((await params).slug);
  const page = await requirePageNumber(searchParams);
  const listing = await listPublishedArticlesByTag({ tagId: tag.id, page });
  requireExistingPage(page, listing.pageCount);
  return (
    <div className="listing">
      <h1 className="listing-title">Tagged “{tag.name}”</h1>
      {listing.items.length === 0 ? (
        <p>No published articles carry this tag yet.</p>
      ) : (
        <ArticleSummaryList articles={listing.items} />
      )}
      <PaginationNav basePath={`/tags/${tag.slug}`} page={page} pageCount={listing.pageCount} label="Article pages" />
    </div>
  );
}
