import type { UserListItem } from "@/db/queries/user-admin";

// The ban in force now, if any: a ban whose end has passed is no ban (as for sign-in checks).
export function activeBan(
  user: Pick<UserListItem, "bannedAt" | "bannedUntil" | "banReason">,
  now: Date,
): { until: Date | null; reason: string | null } | null {
  if (user.bannedAt === null) return null;
  if (user.bannedUntil !== null && user.bannedUntil.getTime() <= now.getTime()) return null;
  return { until: user.bannedUntil, reason: user.banReason };
}
