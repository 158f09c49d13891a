import { sql } from "drizzle-orm";
import { cacheTags, recordCacheTags } from "../../lib/cache-tags";
import { parseSiteSettings, settingsShownOnPages, type SiteSettings } from "../../lib/site-settings";
import { invalidateCacheTags } from "../cache-invalidation";
import { getDb, inWriteTransaction } from "../client";
import { siteSettings } from "../schema";

function parseStoredValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function getSiteSettings(): Promise<SiteSettings> {
  recordCacheTags(cacheTags.site);
  // Read as text and parsed here: a hand-edited row that is not JSON falls back to its default
  // instead of failing every page.
  const rows = getDb()
    .select({ key: siteSettings.key, value: sql<string>`${siteSettings.value}` })
    .from(siteSettings)
    .all();
  return parseSiteSettings(Object.fromEntries(rows.map((row) => [row.key, parseStoredValue(row.value)])));
}

// Purges the site-wide pages only when a setting they show changed value.
export async function updateSiteSettings(changes: Partial<SiteSettings>): Promise<void> {
  const current = await getSiteSettings();
  inWriteTransaction((tx) => {
    let pagesChanged = false;
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      tx.insert(siteSettings)
        .values({ key, value, updatedAt: new Date() })
        .onConflictDoUpdate({ target: siteSettings.key, set: { value, updatedAt: new Date() } })
        .run();
      const shown = (settingsShownOnPages as readonly string[]).includes(key);
      if (shown && current[key as keyof SiteSettings] !== value) pagesChanged = true;
    }
    if (pagesChanged) invalidateCacheTags(tx, [cacheTags.site]);
  });
}
