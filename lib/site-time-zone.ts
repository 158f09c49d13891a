import { getSiteSettings } from "../db/queries/site-settings";
import { getConfig } from "./config";

// The zone dates are shown in and archives are grouped by: the admins' setting, or the server's
// SITE_TIME_ZONE when unset. Usable outside React (the serving path decides archive 404s with it).
export async function resolveSiteTimeZone(): Promise<string> {
  return (await getSiteSettings()).timeZone || getConfig().timeZone;
}
