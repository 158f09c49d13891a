import crypto from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb, inWriteTransaction, type Transaction } from "../client";
import { oneTimeTokens, type OneTimeTokenPurpose } from "../schema";
import { currentTime } from "../../lib/clock";



function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

// Issues a new token, revoking earlier unused ones of the same purpose (and user): only the
// newest link works. Returns the token itself, which is shown once and never stored.
export async function issueOneTimeToken({
  purpose,
  userId = null,
  validForMs,
  now = currentTime(),
}: {
  purpose: OneTimeTokenPurpose;
  userId?: number | null;
  validForMs: number;
  now?: Date;
}): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  inWriteTransaction((tx) => {
    tx.update(oneTimeTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(oneTimeTokens.purpose, purpose),
          userId === null ? isNull(oneTimeTokens.userId) : eq(oneTimeTokens.userId, userId),
          isNull(oneTimeTokens.usedAt),
        ),
      )
      .run();
    tx.insert(oneTimeTokens)
      .values({ purpose, userId, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + validForMs), createdAt: now })
      .run();
  });
  return token;
}

function validTokenCondition(purpose: OneTimeTokenPurpose, token: string, now: Date) {
  return and(
    eq(oneTimeTokens.tokenHash, hashToken(token)),
    eq(oneTimeTokens.purpose, purpose),
    isNull(oneTimeTokens.usedAt),
    gt(oneTimeTokens.expiresAt, now),
  );
}

// The user a still-valid token belongs to (null for setup tokens), or undefined when the token
// is unknown, used or expired.
export async function findValidOneTimeToken({
  purpose,
  token,
  now = currentTime(),
}: {
  purpose: OneTimeTokenPurpose;
  token: string;
  now?: Date;
}): Promise<{ userId: number | null } | undefined> {
  return getDb()
    .select({ userId: oneTimeTokens.userId })
    .from(oneTimeTokens)
    .where(validTokenCondition(purpose, token, now))
    .get();
}

// Marks the token used inside the caller's transaction; false when it was not valid (so two
// concurrent uses cannot both succeed).
export function consumeOneTimeToken(
  tx: Transaction,
  { purpose, token, now = currentTime() }: { purpose: OneTimeTokenPurpose; token: string; now?: Date },
): { userId: number | null } | undefined {
  return tx
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(validTokenCondition(purpose, token, now))
    .returning({ userId: oneTimeTokens.userId })
    .get();
}
