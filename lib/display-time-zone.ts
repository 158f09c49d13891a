import "server-only";
import { cache } from "react";
import { getSiteSettings } from "@/db/queries/site-settings";
import { getConfig } from "./config";

// The zone dates are shown in: the admins' setting, or the server's SITE_TIME_ZONE when unset.
// Read once per render.
export const getDisplayTimeZone = cache(async (): Promise<string> => {
  return (await getSiteSettings()).timeZone || getConfig().timeZone;
});
