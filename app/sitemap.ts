import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { listSitemapEntries, type SitemapEntry } from "@/db/queries/sitemap";
import { getConfig } from "@/lib/config";

// Next writes each URL into <loc> as it is; slugs are plain, but SITE_URL may hold "&".
function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

// Rendered per request (the database is not there at build time) and kept by the page cache,
// which drops it whenever the article listing or a listed author, tag or publication changes.
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const { siteUrl } = getConfig();
  const entries = await listSitemapEntries();
  const toUrl = (entry: SitemapEntry) => ({ url: escapeXml(`${siteUrl}${entry.path}`), lastModified: entry.lastModified });
  return [
    toUrl({ ...entries.home, path: "/" }),
    ...entries.articles.map(toUrl),
    ...entries.authors.map(toUrl),
    ...entries.publications.map(toUrl),
    ...entries.tags.map(toUrl),
  ];
}
