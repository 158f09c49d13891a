import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArticleSummaryList } from "@/components/articles/article-summary-list";
import { articleCountLabel } from "@/components/articles/author-box";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { listPublishedArticlesByAuthor } from "@/db/queries/articles";
import { getAuthorBySlug } from "@/db/queries/authors";
import { getSiteSettings } from "@/db/queries/site-settings";
import { feedAlternateTypes } from "@/lib/feeds/site-feeds";
import { requireExistingPage, requirePageNumber, type SearchParams } from "@/lib/route-params";
import { socialMetadata } from "@/lib/seo/social-metadata";

type Params = Promise<{ slug: string }>;

const loadAuthor = cache(async (slug: string) => {
  const author = await getAuthorBySlug({ slug });
  if (!author) notFound();
  return author;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const author = await loadAuthor((await params).slug);
  const settings = await getSiteSettings();
  const path = `/authors/${author.slug}`;
  const description = author.bio || `Articles by ${author.displayName} on ${settings.siteTitle}.`;
  return {
    title: author.displayName,
    description,
    alternates: {
      canonical: path,
      types: feedAlternateTypes(settings.siteTitle, { basePath: path, title: author.displayName }),
    },
    ...socialMetadata({ title: author.displayName, description, path, siteName: settings.siteTitle }),
  };
}

export default async function AuthorPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const author = await loadAuthor((await params).slug);
  const page = await requirePageNumber(searchParams);
  const listing = await listPublishedArticlesByAuthor({ authorId: author.id, page });
  requireExistingPage(page, listing.pageCount);
  return (
    <div className="listing">
      <header className="profile">
        <h1>{author.displayName}</h1>
        <p className="profile-count">{articleCountLabel(listing.total)}</p>
        {author.bio ? <p className="profile-bio">{author.bio}</p> : null}
      </header>
      <h2 className="listing-subtitle">Articles by {author.displayName}</h2>
      <ArticleSummaryList articles={listing.items} showAuthor={false} />
      <PaginationNav basePath={`/authors/${author.slug}`} page={page} pageCount={listing.pageCount} label="Article pages" />
    </div>
  );
}
