import { formatDisplayDate } from "./dates";

// The zone is the site's display zone (lib/display-time-zone.ts), passed in so this stays usable
// outside a render (the data layer, the CLI).
export function formatBanMessage(ban: { reason: string | null; until: Date | null }, timeZone: string): string {
  const until = ban.until ? ` until ${formatDisplayDate(ban.until, timeZone)}` : "";
  const reason = ban.reason ? ` Reason: ${ban.reason}` : "";
  return `Your account is banned${until}.${reason}`;
}
