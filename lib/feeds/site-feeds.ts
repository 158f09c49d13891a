import { getAuthorBySlug } from "../../db/queries/authors";
import { getArticleCommentsFeed, listFeedArticles, type FeedArticle, type FeedScope } from "../../db/queries/feeds";
import { getPublicationBySlug } from "../../db/queries/publications";
import { getSiteSettings } from "../../db/queries/site-settings";
import { getTagBySlug } from "../../db/queries/tags";
import { currentTime } from "../clock";
import { getConfig } from "../config";
import { renderMarkdownToHtml } from "../markdown";
import { mediaUrl } from "../media/media-files";
import {
  escapeHtml,
  feedContentTypes,
  feedFiles,
  plainTextToHtml,
  renderFeed,
  renderRss,
  type FeedChannel,
  type FeedEntry,
  type FeedFormat,
} from "./feed-formats";

export type ArticleFeedKind = "site" | "author" | "publication" | "tag";

export type RenderedFeed = { body: string; contentType: string };

export function absoluteUrl(path: string): string {
  return `${getConfig().siteUrl}${path}`;
}

function feedUrlsFor(basePath: string): Record<FeedFormat, string> {
  return {
    rss: absoluteUrl(`${basePath}/${feedFiles.rss}`),
    atom: absoluteUrl(`${basePath}/${feedFiles.atom}`),
    json: absoluteUrl(`${basePath}/${feedFiles.json}`),
  };
}

function latest(dates: readonly Date[], fallback: Date): Date {
  return dates.length === 0 ? fallback : new Date(Math.max(...dates.map((date) => date.getTime())));
}

// The cover heads the entry's content, as it heads the article page; alt text and caption are the
// author's plain text, escaped.
function coverHtml(image: NonNullable<FeedEntry["image"]>, caption: string): string {
  const img = `<img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt)}" width="${image.width}" height="${image.height}">`;
  return `<figure>${img}${caption.trim() ? `<figcaption>${escapeHtml(caption)}</figcaption>` : ""}</figure>\n`;
}

function articleEntry(article: FeedArticle): FeedEntry {
  const image = article.cover
    ? { url: absoluteUrl(mediaUrl(article.cover.mediaId, article.cover.width)), width: article.cover.width, height: article.cover.height, alt: article.cover.alt }
    : null;
  return {
    url: absoluteUrl(`/articles/${article.slug}`),
    title: article.title,
    summary: article.excerpt,
    contentHtml: (image ? coverHtml(image, article.cover?.caption ?? "") : "") + renderMarkdownToHtml(article.body, { origin: getConfig().siteUrl }),
    image,
    published: article.publishedAt,
    // A scheduled article may have been saved before its publication time.
    updated: latest([article.publishedAt, article.updatedAt], article.publishedAt),
    authorName: article.author.displayName,
    authorUrl: absoluteUrl(`/authors/${article.author.slug}`),
    categories: article.tags.map((tag) => tag.name),
  };
}

type FeedTarget = { scope: FeedScope; basePath: string; title: string | null; description: string | null };

async function findFeedTarget(kind: ArticleFeedKind, slug: string): Promise<FeedTarget | null> {
  switch (kind) {
    case "site":
      return { scope: { kind: "site" }, basePath: "", title: null, description: null };
    case "author": {
      const author = await getAuthorBySlug({ slug });
      return author
        ? {
            scope: { kind: "author", authorId: author.id },
            basePath: `/authors/${author.slug}`,
            title: author.displayName,
            description: author.bio || `Articles by ${author.displayName}`,
          }
        : null;
    }
    case "publication": {
      const publication = await getPublicationBySlug({ slug });
      return publication
        ? {
            scope: { kind: "publication", publicationId: publication.id },
            basePath: `/publications/${publication.slug}`,
            title: publication.name,
            description: publication.description || `Articles first published in ${publication.name}`,
          }
        : null;
    }
    case "tag": {
      const tag = await getTagBySlug({ slug });
      return tag
        ? {
            scope: { kind: "tag", tagId: tag.id },
            basePath: `/tags/${tag.slug}`,
            title: tag.name,
            description: `Articles tagged ${tag.name}`,
          }
        : null;
    }
  }
}

// The latest articles of the site, an author, a publication or a tag in one feed format, or
// null when there is no such author, publication or tag.
export async function renderArticleFeed(
  kind: ArticleFeedKind,
  format: FeedFormat,
  slug = "",
): Promise<RenderedFeed | null> {
  const target = await findFeedTarget(kind, slug);
  if (!target) return null;
  const settings = await getSiteSettings();
  const articles = await listFeedArticles({ scope: target.scope });
  const entries = articles.map(articleEntry);
  const channel: FeedChannel = {
    title: target.title === null ? settings.siteTitle : `${target.title} — ${settings.siteTitle}`,
    description: target.description ?? (settings.tagline || settings.siteTitle),
    pageUrl: absoluteUrl(target.basePath || "/"),
    feedUrls: feedUrlsFor(target.basePath),
    updated: latest(
      entries.map((entry) => entry.updated),
      currentTime(),
    ),
  };
  return { body: renderFeed(format, channel, entries), contentType: feedContentTypes[format] };
}

// RSS of an article's approved comments, newest first, or null when the article is not visible.
export async function renderCommentsFeed(slug: string): Promise<RenderedFeed | null> {
  const feed = await getArticleCommentsFeed({ slug });
  if (!feed) return null;
  const settings = await getSiteSettings();
  const articleUrl = absoluteUrl(`/articles/${feed.article.slug}`);
  const entries: FeedEntry[] = feed.comments.map((comment) => {
    const authorName = comment.authorName ?? "Deleted user";
    return {
      url: `${articleUrl}#comment-${comment.id}`,
      title: `Comment by ${authorName} on “${feed.article.title}”`,
      summary: plainTextToHtml(comment.body),
      contentHtml: "",
      published: comment.createdAt,
      updated: comment.createdAt,
      authorName,
      authorUrl: null,
      categories: [],
    };
  });
  const commentsFeedUrl = absoluteUrl(`/articles/${feed.article.slug}/comments.xml`);
  const channel: FeedChannel = {
    title: `Comments on “${feed.article.title}” — ${settings.siteTitle}`,
    description: `Approved comments on “${feed.article.title}”`,
    pageUrl: articleUrl,
    feedUrls: { rss: commentsFeedUrl, atom: commentsFeedUrl, json: commentsFeedUrl },
    updated: latest(
      entries.map((entry) => entry.published),
      feed.article.publishedAt,
    ),
  };
  return { body: renderRss(channel, entries), contentType: feedContentTypes.rss };
}

// Route handlers answer with this; the page cache stores it with its content type.
export function feedResponse(feed: RenderedFeed | null): Response {
  if (!feed) return new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(feed.body, { status: 200, headers: { "content-type": feed.contentType } });
}

type AlternateLinks = Record<string, { url: string; title: string }[]>;

// <link rel="alternate"> entries for Next metadata (`alternates.types`), relative to metadataBase.
// A page's own `alternates` replace the root layout's, so every page lists the site's feeds too.
export function feedAlternateTypes(siteTitle: string, own?: { basePath: string; title: string }): AlternateLinks {
  const links = (basePath: string, title: string): AlternateLinks => ({
    "application/rss+xml": [{ url: `${basePath}/${feedFiles.rss}`, title: `${title} (RSS)` }],
    "application/atom+xml": [{ url: `${basePath}/${feedFiles.atom}`, title: `${title} (Atom)` }],
    "application/feed+json": [{ url: `${basePath}/${feedFiles.json}`, title: `${title} (JSON Feed)` }],
  });
  const site = links("", siteTitle);
  if (!own) return site;
  const page = links(own.basePath, own.title);
  return Object.fromEntries(Object.entries(page).map(([type, entries]) => [type, [...entries, ...(site[type] ?? [])]]));
}

// An article page: its comments feed (RSS) first, then the site's feeds.
export function articleFeedAlternateTypes(siteTitle: string, article: { slug: string; title: string }): AlternateLinks {
  const site = feedAlternateTypes(siteTitle);
  return {
    ...site,
    "application/rss+xml": [
      { url: `/articles/${article.slug}/comments.xml`, title: `Comments on “${article.title}” (RSS)` },
      ...(site["application/rss+xml"] ?? []),
    ],
  };
}
