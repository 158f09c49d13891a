import { getConfig } from "./config";
import { formatDisplayDate } from "./dates";

export function formatBanMessage(ban: { reason: string | null; until: Date | null }): string {
  const until = ban.until ? ` until ${formatDisplayDate(ban.until, getConfig().timeZone)}` : "";
  const reason = ban.reason ? ` Reason: ${ban.reason}` : "";
  return `Your account is banned${until}.${reason}`;
}
