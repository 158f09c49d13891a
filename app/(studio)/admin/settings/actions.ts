"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { updateSiteSettings } from "@/db/queries/site-settings";
import { adminAction } from "@/lib/actions/action-wrappers";
import { discussionSettingsFields, generalSettingsFields } from "@/lib/site-settings";

// The stored settings' own schemas decide what is valid; these wrappers only turn form text into
// their input. Each section saves only its own keys, so two admins saving different sections at
// once do not overwrite each other.

// A number box sends text: an empty box would coerce to 0 and "abc" to NaN, so both are refused
// here with a message a person understands, before the setting's own range check runs (on the
// text, since the setting's schema is the one that also reads stored values).
function wholeNumber(setting: z.ZodType<number>) {
  return z
    .string()
    .trim()
    .min(1, { error: "Enter a number.", abort: true })
    .regex(/^-?\d+$/, "Enter a whole number, such as 5.")
    .transform((text, context) => {
      const parsed = setting.safeParse(text);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) context.issues.push({ code: "custom", message: issue.message, input: text });
      return z.NEVER;
    });
}

// An unchecked box is left out of the form data altogether, so absent means false; anything but
// the browser's "on" is not a checkbox post.
const checkbox = z.literal("on", "Invalid choice.").optional().transform((value) => value === "on");

// Lines trimmed and blank ones dropped, so the list reads back as it is used; the length limit
// applies to that stored form, not to the browser's \r\n line endings.
const wordList = z
  .string()
  .transform((text) =>
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
      .join("\n"),
  )
  .pipe(discussionSettingsFields.commentDisallowedWords);

const generalSchema = z.object({
  siteTitle: generalSettingsFields.siteTitle,
  tagline: generalSettingsFields.tagline,
  timeZone: generalSettingsFields.timeZone,
  articlesPerPage: wholeNumber(generalSettingsFields.articlesPerPage),
  revisionsPerArticle: wholeNumber(generalSettingsFields.revisionsPerArticle),
});

export const saveGeneralSettingsAction = adminAction(generalSchema, async (settings) => {
  await updateSiteSettings(settings);
  // The title is in the shared layout, which a client-side redirect would otherwise keep as it was.
  refresh();
  redirect("/admin/settings?saved=general");
});

const discussionSchema = z.object({
  commentsHoldAll: checkbox,
  commentsRequirePriorApproval: checkbox,
  commentMaxLinks: wholeNumber(discussionSettingsFields.commentMaxLinks),
  commentDisallowedWords: wordList,
  commentFloodSeconds: wholeNumber(discussionSettingsFields.commentFloodSeconds),
  commentThreadDepth: wholeNumber(discussionSettingsFields.commentThreadDepth),
  commentEditMinutes: wholeNumber(discussionSettingsFields.commentEditMinutes),
  commentReportThreshold: wholeNumber(discussionSettingsFields.commentReportThreshold),
});

export const saveDiscussionSettingsAction = adminAction(discussionSchema, async (settings) => {
  await updateSiteSettings(settings);
  redirect("/admin/settings?saved=discussion");
});
