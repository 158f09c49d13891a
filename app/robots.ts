import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { cacheTags, recordCacheTags } from "@/lib/cache-tags";
import { getConfig } from "@/lib/config";

// Rendered per request so the Sitemap line follows SITE_URL at run time, not at build time.
export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
  // The page cache stores only responses that recorded a tag; robots.txt depends on no data,
  // so it carries the site-wide one.
  recordCacheTags(cacheTags.site);
  const { siteUrl } = getConfig();
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: ["/dashboard", "/admin", "/moderation", "/account", "/api"],
    },
    sitemap: `${siteUrl}/sitemap.xml`,
  };
}
