import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { listArchiveMonths } from "@/db/queries/archives";
import { listSitemapEntries, type SitemapEntry } from "@/db/queries/sitemap";
import { archiveMonthPath } from "@/lib/archive-months";
import { getDisplayTimeZone } from "@/lib/display-time-zone";
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
  // Month archives are grouped in the site's time zone, which the data layer leaves to its caller.
  const months = await listArchiveMonths({ timeZone: await getDisplayTimeZone() });
  const hasArticles = entries.articles.length > 0;
  const toUrl = (entry: SitemapEntry) => ({ url: escapeXml(`${siteUrl}${entry.path}`), lastModified: entry.lastModified });
  return [
    toUrl({ ...entries.home, path: "/" }),
    ...entries.articles.map(toUrl),
    ...entries.authors.map(toUrl),
    ...entries.publications.map(toUrl),
    ...entries.tags.map(toUrl),
    ...(hasArticles
      ? [toUrl({ path: "/archive", lastModified: entries.home.lastModified }), toUrl({ path: "/tags", lastModified: entries.home.lastModified })]
      : []),
    ...months.map((month) => toUrl({ path: archiveMonthPath(month), lastModified: month.lastModified })),
  ];
}
