import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AboutPublication } from "@/components/articles/about-publication";
import { ArticleCover } from "@/components/articles/article-cover";
import { ArticleNeighboursNav } from "@/components/articles/article-neighbours-nav";
import { AuthorBox } from "@/components/articles/author-box";
import { RelatedArticles } from "@/components/articles/related-articles";
import { CommentList } from "@/components/comments/comment-list";
import { LeaveAReply } from "@/components/comments/leave-a-reply";
import { ArticleJsonLd } from "@/components/seo/article-json-ld";
import { DateTime } from "@/components/ui/date-time";
import { getPublishedArticleBySlug } from "@/db/queries/articles";
import { getSiteSettings } from "@/db/queries/site-settings";
import { articleFeedAlternateTypes } from "@/lib/feeds/site-feeds";
import { getConfig } from "@/lib/config";
import { renderMarkdown } from "@/lib/markdown";
import { readingTimeLabel } from "@/lib/reading-time";
import type { SearchParams } from "@/lib/route-params";
import { articleSocialImagePath } from "@/lib/seo/article-social-image";
import { socialMetadata } from "@/lib/seo/social-metadata";

type Params = Promise<{ slug: string }>;

function replyTargetId(value: string | string[] | undefined): number | null {
  const id = typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : null;
  return id !== null && id > 0 ? id : null;
}

// Shared by generateMetadata and the page within one request.
const loadArticle = cache(async (slug: string) => {
  const article = await getPublishedArticleBySlug({ slug });
  if (!article) notFound();
  return article;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const article = await loadArticle((await params).slug);
  const settings = await getSiteSettings();
  const description = article.excerpt || settings.tagline;
  return {
    title: article.title,
    description,
    alternates: {
      canonical: `/articles/${article.slug}`,
      types: articleFeedAlternateTypes(settings.siteTitle, article),
    },
    authors: [{ name: article.author.displayName, url: `/authors/${article.author.slug}` }],
    ...socialMetadata({
      title: article.title,
      description,
      path: `/articles/${article.slug}`,
      siteName: settings.siteTitle,
      article: {
        publishedTime: article.publishedAt,
        modifiedTime: article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt,
        authorUrl: `${getConfig().siteUrl}/authors/${article.author.slug}`,
        tags: article.tags.map((tag) => tag.name),
        image: { path: articleSocialImagePath(article, settings.siteTitle), alt: `${article.title}, by ${article.author.displayName}` },
      },
    }),
  };
}

export default async function ArticlePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const article = await loadArticle((await params).slug);
  const replyToId = replyTargetId((await searchParams).replytocom);
  const settings = await getSiteSettings();
  return (
    <>
      <ArticleJsonLd article={article} siteUrl={getConfig().siteUrl} siteName={settings.siteTitle} />
      <article className="article">
        <header className="article-header">
          <h1>{article.title}</h1>
          <p className="byline">
            By <Link href={`/authors/${article.author.slug}`}>{article.author.displayName}</Link>
            {" · "}
            <DateTime date={article.publishedAt} />
            {" · "}
            {readingTimeLabel(article.readingMinutes)}
          </p>
        </header>
        {article.cover ? <ArticleCover cover={article.cover} /> : null}
        <div className="article-body">{renderMarkdown(article.body)}</div>
        {article.tags.length > 0 ? (
          <footer className="article-footer">
            <h2 className="visually-hidden">Tags</h2>
            <ul className="tag-list">
              {article.tags.map((tag) => (
                <li key={tag.id}>
                  <Link href={`/tags/${tag.slug}`}>{tag.name}</Link>
                </li>
              ))}
            </ul>
          </footer>
        ) : null}
      </article>
      <AboutPublication article={article} />
      <AuthorBox author={article.author} />
      <ArticleNeighboursNav article={article} />
      <RelatedArticles article={article} />
      <CommentList article={article} />
      <LeaveAReply article={article} replyToId={replyToId} />
    </>
  );
}
