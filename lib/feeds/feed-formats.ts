// Small builders for the three feed formats. Everything that goes into XML passes through
// escapeXml; HTML content is the sanitised Markdown rendering (lib/markdown.ts) or escaped plain
// text, so a hostile title or comment can never become markup in a reader's feed client.

export type FeedFormat = "rss" | "atom" | "json";

export const feedFiles: Record<FeedFormat, string> = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" };

export const feedContentTypes: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

export type FeedChannel = {
  title: string;
  description: string;
  // Absolute URL of the HTML page the feed mirrors.
  pageUrl: string;
  // Absolute URLs of this feed in every format (the self link and the JSON Feed's feed_url).
  feedUrls: Record<FeedFormat, string>;
  updated: Date;
};

export type FeedEntry = {
  // Absolute URL, also the entry's permanent id.
  url: string;
  title: string;
  summary: string;
  contentHtml: string;
  published: Date;
  updated: Date;
  authorName: string | null;
  authorUrl: string | null;
  categories: string[];
  // The article's cover (absolute URL of a WebP image), already shown at the top of contentHtml.
  image?: { url: string; width: number; height: number; alt: string } | null;
};

const IMAGE_TYPE = "image/webp";

// Characters XML 1.0 does not allow at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF).
const invalidXmlChars = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(value: string): string {
  return value
    .replace(invalidXmlChars, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// Plain text (comments) as HTML: escaped, blank lines make paragraphs, line breaks kept.
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

// RFC 822 (RFC 1123 form) for RSS, RFC 3339 for Atom and JSON Feed.
export const rfc822 = (date: Date): string => date.toUTCString();
export const rfc3339 = (date: Date): string => date.toISOString();

function element(name: string, value: string, attributes = ""): string {
  return `<${name}${attributes}>${escapeXml(value)}</${name}>`;
}

// Media RSS, which feed readers use for an item's picture (RSS's own enclosure needs a byte length
// and means a download).
function rssMediaContent(image: NonNullable<FeedEntry["image"]>): string {
  const attributes = `url="${escapeXml(image.url)}" medium="image" type="${IMAGE_TYPE}" width="${image.width}" height="${image.height}"`;
  return image.alt ? `<media:content ${attributes}>${element("media:description", image.alt, ' type="plain"')}</media:content>` : `<media:content ${attributes}/>`;
}

export function renderRss(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const items = entries.map((entry) =>
    [
      "<item>",
      element("title", entry.title),
      element("link", entry.url),
      element("guid", entry.url, ' isPermaLink="true"'),
      element("pubDate", rfc822(entry.published)),
      ...(entry.authorName === null ? [] : [element("dc:creator", entry.authorName)]),
      ...entry.categories.map((category) => element("category", category)),
      ...(entry.image ? [rssMediaContent(entry.image)] : []),
      element("description", entry.summary),
      ...(entry.contentHtml ? [element("content:encoded", entry.contentHtml)] : []),
      "</item>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
    "<channel>",
    element("title", channel.title),
    element("link", channel.pageUrl),
    element("description", channel.description),
    `<atom:link href="${escapeXml(channel.feedUrls.rss)}" rel="self" type="application/rss+xml"/>`,
    element("lastBuildDate", rfc822(channel.updated)),
    element("generator", "Crosscurrents"),
    ...items,
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}

export function renderAtom(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const items = entries.map((entry) =>
    [
      "<entry>",
      element("id", entry.url),
      element("title", entry.title, ' type="text"'),
      element("updated", rfc3339(entry.updated)),
      element("published", rfc3339(entry.published)),
      `<link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
      `<author>${element("name", entry.authorName ?? "Deleted user")}${entry.authorUrl ? element("uri", entry.authorUrl) : ""}</author>`,
      ...entry.categories.map((category) => `<category term="${escapeXml(category)}"/>`),
      ...(entry.image ? [`<link rel="enclosure" type="${IMAGE_TYPE}" href="${escapeXml(entry.image.url)}"/>`] : []),
      ...(entry.summary ? [element("summary", entry.summary, ' type="text"')] : []),
      element("content", entry.contentHtml, ' type="html"'),
      "</entry>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    element("id", channel.feedUrls.atom),
    element("title", channel.title, ' type="text"'),
    element("subtitle", channel.description, ' type="text"'),
    element("updated", rfc3339(channel.updated)),
    `<link rel="alternate" type="text/html" href="${escapeXml(channel.pageUrl)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(channel.feedUrls.atom)}"/>`,
    element("generator", "Crosscurrents"),
    ...items,
    "</feed>",
    "",
  ].join("\n");
}

export function renderJsonFeed(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: channel.title,
    home_page_url: channel.pageUrl,
    feed_url: channel.feedUrls.json,
    description: channel.description,
    items: entries.map((entry) => ({
      id: entry.url,
      url: entry.url,
      title: entry.title,
      content_html: entry.contentHtml,
      ...(entry.summary ? { summary: entry.summary } : {}),
      date_published: rfc3339(entry.published),
      date_modified: rfc3339(entry.updated),
      ...(entry.authorName === null
        ? {}
        : { authors: [{ name: entry.authorName, ...(entry.authorUrl ? { url: entry.authorUrl } : {}) }] }),
      ...(entry.categories.length > 0 ? { tags: entry.categories } : {}),
      ...(entry.image ? { image: entry.image.url } : {}),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

export function renderFeed(format: FeedFormat, channel: FeedChannel, entries: readonly FeedEntry[]): string {
  switch (format) {
    case "rss":
      return renderRss(channel, entries);
    case "atom":
      return renderAtom(channel, entries);
    case "json":
      return renderJsonFeed(channel, entries);
  }
}
