// Bans as /admin/users and the moderation queue set them and every check reads them. Kept free
// of imports for the client bundle (the forms list the durations); the zod fields are in
// ban-input.ts.

export const banDurations = ["1-day", "7-days", "30-days", "permanent"] as const;
export type BanDuration = (typeof banDurations)[number];

export const banDurationLabels: Record<BanDuration, string> = {
  "1-day": "1 day",
  "7-days": "7 days",
  "30-days": "30 days",
  permanent: "Permanently",
};

const banDays: Record<BanDuration, number | null> = { "1-day": 1, "7-days": 7, "30-days": 30, permanent: null };
const DAY_MS = 24 * 60 * 60 * 1000;

export const BAN_REASON_MAX_LENGTH = 500;

// When a ban given now ends: null for a permanent one.
export function banEndsAt(duration: BanDuration, now: Date): Date | null {
  const days = banDays[duration];
  return days === null ? null : new Date(now.getTime() + days * DAY_MS);
}

export type ActiveBan = { reason: string | null; until: Date | null };

// The ban in force now, if any. A ban whose end has passed is no ban: expiry needs no job, it is
// checked when the user acts (and when a page shows it).
export function activeBan(
  user: { bannedAt: Date | null; bannedUntil: Date | null; banReason: string | null },
  now: Date,
): ActiveBan | null {
  if (user.bannedAt === null) return null;
  if (user.bannedUntil !== null && user.bannedUntil.getTime() <= now.getTime()) return null;
  return { reason: user.banReason, until: user.bannedUntil };
}
