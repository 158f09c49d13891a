import { eq, sql } from "drizzle-orm";
import { inWriteTransaction } from "../client";
import { users } from "../schema";
import { consumeOneTimeToken } from "./one-time-tokens";

// Uses the reset link and sets the password in one transaction: the link works once, and the
// new session version signs the user out everywhere. Returns the account's email, or null.
export async function resetPasswordWithToken({
  token,
  passwordHash,
}: {
  token: string;
  passwordHash: string;
}): Promise<{ email: string } | null> {
  return inWriteTransaction((tx) => {
    const used = consumeOneTimeToken(tx, { purpose: "password-reset", token });
    if (!used || used.userId === null) return null;
    return (
      tx
        .update(users)
        .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
        .where(eq(users.id, used.userId))
        .returning({ email: users.email })
        .get() ?? null
    );
  });
}
