import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getLatestCacheInvalidationId, listCacheInvalidationsAfter } from "@/db/cache-invalidation";
import { getSiteSettings, updateSiteSettings } from "@/db/queries/site-settings";
import { siteSettings } from "@/db/schema";
import { cacheTags } from "@/lib/cache-tags";
import { disallowedWordList, siteSettingsDefaults } from "@/lib/site-settings";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

// The settings admins edit at /admin/settings, on a real SQLite file with no settings rows yet.

let temp: TempDatabase;

// Runs a write and returns the cache tags it logged.
async function loggedBy(write: () => Promise<unknown>): Promise<string[]> {
  const before = getLatestCacheInvalidationId(temp.db);
  await write();
  return listCacheInvalidationsAfter(temp.db, before).map((row) => row.tag);
}

// Stores a raw value, as a hand edit or an older version of the app might have left it.
function storeRaw(key: string, value: unknown): void {
  temp.db
    .insert(siteSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: siteSettings.key, set: { value } })
    .run();
}

beforeAll(() => {
  temp = createTempDatabase({ seed: false });
});

afterAll(() => {
  temp.cleanup();
});

beforeEach(() => {
  temp.db.delete(siteSettings).run();
});

describe("reading settings", () => {
  it("an empty database has every default", async () => {
    expect(temp.db.select().from(siteSettings).all()).toEqual([]);
    expect(await getSiteSettings()).toEqual(siteSettingsDefaults);
  });

  it("an invalid stored value falls back to its default without touching the valid ones", async () => {
    storeRaw("siteTitle", "   ");
    storeRaw("commentThreadDepth", 99);
    storeRaw("commentFloodSeconds", "soon");
    storeRaw("commentsHoldAll", "yes");
    storeRaw("commentMaxLinks", 7);
    storeRaw("tagline", "Kept as stored");
    storeRaw("someRetiredSetting", { anything: true });

    const settings = await getSiteSettings();
    expect(settings).toEqual({
      ...siteSettingsDefaults,
      commentMaxLinks: 7,
      tagline: "Kept as stored",
    });
    expect(settings).not.toHaveProperty("someRetiredSetting");
  });

  it("a hand-edited row that is not JSON falls back to its default", async () => {
    temp.db.$client
      .prepare("insert into site_settings (key, value) values ('commentEditMinutes', 'ten') on conflict(key) do update set value = excluded.value")
      .run();
    expect((await getSiteSettings()).commentEditMinutes).toBe(siteSettingsDefaults.commentEditMinutes);
  });
});

describe("saving settings", () => {
  it("discussion settings log no cache tag (no page shows them) and read back as saved", async () => {
    const discussion = {
      commentsHoldAll: true,
      commentsRequirePriorApproval: false,
      commentMaxLinks: 0,
      commentDisallowedWords: "casino\ncheap pills",
      commentFloodSeconds: 30,
      commentThreadDepth: 3,
      commentEditMinutes: 0,
    };
    expect(await loggedBy(() => updateSiteSettings(discussion))).toEqual([]);
    expect(await getSiteSettings()).toEqual({ ...siteSettingsDefaults, ...discussion });
  });

  it("a new site title logs the site tag once; saving it unchanged logs nothing", async () => {
    expect(await loggedBy(() => updateSiteSettings({ siteTitle: "Undercurrents", tagline: siteSettingsDefaults.tagline }))).toEqual([
      cacheTags.site,
    ]);
    expect((await getSiteSettings()).siteTitle).toBe("Undercurrents");

    expect(await loggedBy(() => updateSiteSettings({ siteTitle: "Undercurrents", tagline: siteSettingsDefaults.tagline }))).toEqual([]);
  });

  it("a new tagline alone logs the site tag too", async () => {
    expect(await loggedBy(() => updateSiteSettings({ tagline: "" }))).toEqual([cacheTags.site]);
    expect((await getSiteSettings()).tagline).toBe("");
  });

  it("a save that touches both kinds logs the site tag once", async () => {
    const tags = await loggedBy(() => updateSiteSettings({ siteTitle: "Both", commentFloodSeconds: 5 }));
    expect(tags).toEqual([cacheTags.site]);
    const settings = await getSiteSettings();
    expect([settings.siteTitle, settings.commentFloodSeconds]).toEqual(["Both", 5]);
  });
});

describe("disallowedWordList", () => {
  it("gives one lower-cased entry per non-empty line, whatever the line endings", () => {
    expect(disallowedWordList("Casino\r\n\n  Cheap Pills  \r\n   \nspam")).toEqual(["casino", "cheap pills", "spam"]);
  });

  it("is empty for an empty or blank setting", () => {
    expect(disallowedWordList("")).toEqual([]);
    expect(disallowedWordList(" \n\r\n ")).toEqual([]);
  });
});
