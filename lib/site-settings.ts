import { z } from "zod";

// Settings admins edit in the site (stored in the site_settings table, one JSON value per key).
// Each has a default, so a fresh database needs no rows; an invalid stored value falls back too.
export const siteSettingsSchema = z.object({
  siteTitle: z.string().trim().min(1).max(80).catch("Crosscurrents"),
  tagline: z.string().trim().max(160).catch("Opinion from around the world, in translation"),
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;

export function parseSiteSettings(stored: Record<string, unknown>): SiteSettings {
  return siteSettingsSchema.parse(stored);
}
