import "./zod-jitless";
import { z } from "zod";

// Settings admins edit at /admin/settings (stored in the site_settings table, one JSON value per
// key). Each has a default, so a fresh database needs no rows; an invalid stored value falls back
// to its default too. The field schemas are shared with the settings form's validation.
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const generalSettingsFields = {
  siteTitle: z.string().trim().min(1, "Enter a site title.").max(80, "Keep the title under 80 characters."),
  tagline: z.string().trim().max(160, "Keep the tagline under 160 characters."),
  // Empty means the server's SITE_TIME_ZONE.
  timeZone: z
    .string()
    .trim()
    .max(64)
    .refine((zone) => zone === "" || isTimeZone(zone), "Choose a time zone such as UTC or Asia/Tokyo."),
  articlesPerPage: z.coerce.number().int().min(1, "At least 1.").max(100, "At most 100."),
  // How many revisions each article keeps; older ones are pruned at the next Update or Restore.
  revisionsPerArticle: z.coerce.number().int().min(1, "At least 1.").max(1000, "At most 1000."),
};

export const discussionSettingsFields = {
  // How deep replies nest; a reply to a comment at this depth joins its parent's thread instead.
  commentThreadDepth: z.coerce.number().int().min(1, "At least 1 level.").max(10, "At most 10 levels."),
  // Hold every comment from readers for a moderator, whoever wrote it.
  commentsHoldAll: z.boolean(),
  // Hold a commenter's comments until one of theirs has been approved (WordPress's default).
  commentsRequirePriorApproval: z.boolean(),
  // Hold a comment that contains more links than this.
  commentMaxLinks: z.coerce.number().int().min(0, "0 or more.").max(100, "At most 100."),
  // One word or phrase per line; a comment containing one goes to spam.
  commentDisallowedWords: z.string().max(20_000, "The list is too long (20,000 characters at most)."),
  // The minimum time between two comments by the same reader.
  commentFloodSeconds: z.coerce.number().int().min(0, "0 or more.").max(3600, "At most an hour (3600)."),
  // How long a commenter may edit their comment (deleting it stays possible afterwards).
  commentEditMinutes: z.coerce.number().int().min(0, "0 or more.").max(10_080, "At most a week (10080)."),
  // How many different readers must report a published comment before it goes back to the queue.
  commentReportThreshold: z.coerce.number().int().min(1, "At least 1.").max(100, "At most 100."),
};

export const siteSettingsDefaults = {
  siteTitle: "Crosscurrents",
  tagline: "Opinion from around the world, in translation",
  timeZone: "",
  articlesPerPage: 10,
  revisionsPerArticle: 50,
  commentThreadDepth: 5,
  commentsHoldAll: false,
  commentsRequirePriorApproval: true,
  commentMaxLinks: 2,
  commentDisallowedWords: "",
  commentFloodSeconds: 15,
  commentEditMinutes: 10,
  commentReportThreshold: 3,
} as const;

const general = generalSettingsFields;
const discussion = discussionSettingsFields;
const defaults = siteSettingsDefaults;

export const siteSettingsSchema = z.object({
  siteTitle: general.siteTitle.catch(defaults.siteTitle),
  tagline: general.tagline.catch(defaults.tagline),
  timeZone: general.timeZone.catch(defaults.timeZone),
  articlesPerPage: general.articlesPerPage.catch(defaults.articlesPerPage),
  revisionsPerArticle: general.revisionsPerArticle.catch(defaults.revisionsPerArticle),
  commentThreadDepth: discussion.commentThreadDepth.catch(defaults.commentThreadDepth),
  commentsHoldAll: discussion.commentsHoldAll.catch(defaults.commentsHoldAll),
  commentsRequirePriorApproval: discussion.commentsRequirePriorApproval.catch(defaults.commentsRequirePriorApproval),
  commentMaxLinks: discussion.commentMaxLinks.catch(defaults.commentMaxLinks),
  commentDisallowedWords: discussion.commentDisallowedWords.catch(defaults.commentDisallowedWords),
  commentFloodSeconds: discussion.commentFloodSeconds.catch(defaults.commentFloodSeconds),
  commentEditMinutes: discussion.commentEditMinutes.catch(defaults.commentEditMinutes),
  commentReportThreshold: discussion.commentReportThreshold.catch(defaults.commentReportThreshold),
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;

// Only these change what pages show; a change to the others (discussion rules) needs no purge.
export const settingsShownOnPages: readonly (keyof SiteSettings)[] = ["siteTitle", "tagline", "timeZone", "articlesPerPage"];

export function parseSiteSettings(stored: Record<string, unknown>): SiteSettings {
  return siteSettingsSchema.parse(stored);
}

// The disallowed-words setting as a list: one entry per non-empty line, compared lower-cased.
export function disallowedWordList(setting: string): string[] {
  return setting
    .split(/\r?\n/)
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line.length > 0);
}
