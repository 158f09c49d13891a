import type { PublishedArticle } from "@/db/queries/articles";
import { articleSocialImagePath } from "@/lib/seo/article-social-image";

// JSON.stringify leaves "<", ">", "&" and the JavaScript line separators as they are; escaped as
// \u sequences (still the same JSON strings) a title such as "</script>" cannot end the script.
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export function articleJsonLd({
  article,
  siteUrl,
  siteName,
}: {
  article: PublishedArticle;
  siteUrl: string;
  siteName: string;
}): Record<string, unknown> {
  const url = `${siteUrl}/articles/${article.slug}`;
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: article.excerpt || undefined,
    datePublished: article.publishedAt.toISOString(),
    dateModified: (article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt).toISOString(),
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    // The same versioned URL as og:image.
    image: [`${siteUrl}${articleSocialImagePath(article, siteName)}`],
    author: { "@type": "Person", name: article.author.displayName, url: `${siteUrl}/authors/${article.author.slug}` },
    publisher: { "@type": "Organization", name: siteName, url: siteUrl },
    keywords: article.tags.length > 0 ? article.tags.map((tag) => tag.name) : undefined,
  };
}

// Structured data for search engines: a NewsArticle with its author and publisher.
export function ArticleJsonLd(props: { article: PublishedArticle; siteUrl: string; siteName: string }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(articleJsonLd(props)) }} />;
}
