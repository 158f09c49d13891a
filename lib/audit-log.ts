import { createHash } from "node:crypto";
import { logger } from "./logger";

// Security-relevant events, one JSON line each with an `event` field, for the operator's log
// system. They name people by user id and client address only: never a password, a session token
// or a cookie, and never the email typed into a failed sign-in (people type their password into
// the email field by mistake); that one is logged as `emailHash`, the first 16 hex digits of the
// SHA-256 of the lower-cased address, enough to tell that attempts aimed at one account.
export function emailHash(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 16);
}

export type SignInOutcome =
  | { outcome: "success"; userId: number }
  | { outcome: "failure"; userId: number | null; email: string }
  | { outcome: "throttled"; email: string };

export function logSignIn(attempt: SignInOutcome & { ip: string }): void {
  if (attempt.outcome === "success") {
    logger.info({ event: "sign-in", outcome: "success", userId: attempt.userId, ip: attempt.ip }, "Signed in");
    return;
  }
  logger.warn(
    {
      event: "sign-in",
      outcome: attempt.outcome,
      // A wrong password for an existing account names it; an unknown address has no user id.
      ...(attempt.outcome === "failure" ? { userId: attempt.userId } : {}),
      emailHash: emailHash(attempt.email),
      ip: attempt.ip,
    },
    attempt.outcome === "throttled" ? "Sign-in refused: too many failures" : "Sign-in failed",
  );
}

export function logRegistration({ userId, ip }: { userId: number; ip: string }): void {
  logger.info({ event: "registration", userId, ip }, "Registered");
}

export function logModeration({ actorId, action, commentIds }: { actorId: number; action: string; commentIds: readonly number[] }): void {
  logger.info({ event: "moderation", actorId, action, commentIds }, "Moderated comments");
}

export function logBan({
  actorId,
  userId,
  until,
  commentId,
}: {
  actorId: number;
  userId: number;
  until: Date | null;
  commentId?: number;
}): void {
  logger.info(
    { event: "ban", actorId, userId, until: until?.toISOString() ?? "permanent", ...(commentId ? { commentId } : {}) },
    "Banned a user",
  );
}

export function logUnban({ actorId, userId }: { actorId: number; userId: number }): void {
  logger.info({ event: "unban", actorId, userId }, "Lifted a ban");
}

export function logRoleChange({ actorId, userId, from, to }: { actorId: number; userId: number; from: string; to: string }): void {
  logger.info({ event: "role-change", actorId, userId, from, to }, "Changed a role");
}

export function logUserDeletion({ actorId, userId }: { actorId: number; userId: number }): void {
  logger.info({ event: "user-deletion", actorId, userId }, "Deleted a user");
}
