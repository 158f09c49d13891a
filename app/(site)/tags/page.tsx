import type { Metadata } from "next";
import Link from "next/link";
import { articleCountLabel } from "@/components/archive/article-count-label";
import { getSiteSettings } from "@/db/queries/site-settings";
import { listTagsWithArticleCounts } from "@/db/queries/tags";
import { socialMetadata } from "@/lib/seo/social-metadata";

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  const title = "Tags";
  const description = `Every tag on ${settings.siteTitle}, with its number of articles.`;
  return {
    title,
    description,
    alternates: { canonical: "/tags" },
    ...socialMetadata({ title, description, path: "/tags", siteName: settings.siteTitle }),
  };
}

export default async function TagIndexPage() {
  const tags = await listTagsWithArticleCounts();
  return (
    <div className="listing">
      <h1 className="listing-title">Tags</h1>
      {tags.length === 0 ? (
        <p>No published article carries a tag yet.</p>
      ) : (
        <ul className="tag-index">
          {tags.map((tag) => (
            <li key={tag.id}>
              <Link href={`/tags/${tag.slug}`}>{tag.name}</Link>{" "}
              <span className="archive-count">{`(${articleCountLabel(tag.articleCount)})`}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
