import type { SiteSettings } from "@/lib/site-settings";

export type GeneralSettings = Pick<SiteSettings, "siteTitle" | "tagline" | "timeZone" | "articlesPerPage" | "revisionsPerArticle">;

export type DiscussionSettings = Pick<
  SiteSettings,
  | "commentsHoldAll"
  | "commentsRequirePriorApproval"
  | "commentMaxLinks"
  | "commentDisallowedWords"
  | "commentFloodSeconds"
  | "commentThreadDepth"
  | "commentEditMinutes"
  | "commentReportThreshold"
>;

export type NumberSetting =
  | "commentMaxLinks"
  | "commentFloodSeconds"
  | "commentThreadDepth"
  | "commentEditMinutes"
  | "commentReportThreshold";

// The allowed range of each number, read on the server from the settings' schemas and handed to
// the client form, so the boxes' min/max and hints never disagree with the validation.
export type NumberLimits = Record<NumberSetting, { min: number; max: number }>;
