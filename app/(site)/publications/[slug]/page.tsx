import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArticleSummaryList } from "@/components/articles/article-summary-list";
import { PublicationFacts } from "@/components/articles/publication-facts";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { listPublishedArticlesByPublication } from "@/db/queries/articles";
import { getPublicationBySlug } from "@/db/queries/publications";
import { getSiteSettings } from "@/db/queries/site-settings";
import { feedAlternateTypes } from "@/lib/feeds/site-feeds";
import { requireExistingPage, requirePageNumber, type SearchParams } from "@/lib/route-params";
import { socialMetadata } from "@/lib/seo/social-metadata";

type Params = Promise<{ slug: string }>;

const loadPublication = cache(async (slug: string) => {
  const publication = await getPublicationBySlug({ slug });
  if (!publication) notFound();
  return publication;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const publication = await loadPublication((await params).slug);
  const settings = await getSiteSettings();
  const path = `/publications/${publication.slug}`;
  const description = publication.description || `Articles translated from ${publication.name} on ${settings.siteTitle}.`;
  return {
    title: publication.name,
    description,
    alternates: {
      canonical: path,
      types: feedAlternateTypes(settings.siteTitle, { basePath: path, title: publication.name }),
    },
    ...socialMetadata({ title: publication.name, description, path, siteName: settings.siteTitle }),
  };
}

export default async function PublicationPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const publication = await loadPublication((await params).slug);
  const page = await requirePageNumber(searchParams);
  const listing = await listPublishedArticlesByPublication({ publicationId: publication.id, page });
  requireExistingPage(page, listing.pageCount);
  return (
    <div className="listing">
      <header className="profile">
        <h1>{publication.name}</h1>
        {publication.description ? <p className="profile-bio">{publication.description}</p> : null}
        <dl className="facts">
          <PublicationFacts publication={publication} />
        </dl>
      </header>
      <h2 className="listing-subtitle">Translated from {publication.name}</h2>
      {listing.items.length === 0 ? (
        <p>No articles from this publication have been published yet.</p>
      ) : (
        <ArticleSummaryList articles={listing.items} />
      )}
      <PaginationNav basePath={`/publications/${publication.slug}`} page={page} pageCount={listing.pageCount} label="Article pages" />
    </div>
  );
}
