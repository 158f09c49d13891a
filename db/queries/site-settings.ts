import { sql } from "drizzle-orm";
import { cacheTags, recordCacheTags } from "../../lib/cache-tags";
import { parseSiteSettings, settingsShownOnPages, type SiteSettings } from "../../lib/site-settings";
import { invalidateCacheTags } from "../cache-invalidation";
import { inWriteTransaction, preparedPerConnection } from "../client";
import { siteSettings } from "../schema";

function parseStoredValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// All stored settings as one JSON text: reading it is one cheap query, and the parsed settings are
// reused while it is unchanged, whichever process or tool changed it.
const storedSettingsText = preparedPerConnection((db) =>
  db.select({ text: sql<string | null>`json_group_object(${siteSettings.key}, ${siteSettings.value})` }).from(siteSettings).prepare(),
);

let parsed: { text: string; settings: SiteSettings } | undefined;

export async function getSiteSettings(): Promise<SiteSettings> {
  recordCacheTags(cacheTags.site);
  const text = storedSettingsText().get()?.text ?? "{}";
  if (parsed?.text !== text) {
    // Each value parsed on its own: a hand-edited row that is not JSON falls back to its default
    // instead of failing every page.
    const stored = Object.entries(JSON.parse(text) as Record<string, unknown>).map(([key, value]) => [
      key,
      typeof value === "string" ? parseStoredValue(value) : value,
    ]);
    parsed = { text, settings: Object.freeze(parseSiteSettings(Object.fromEntries(stored))) };
  }
  return parsed.settings;
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
