import { count, eq } from "drizzle-orm";
import { inWriteTransaction } from "../client";
import { users } from "../schema";
import { normaliseEmail, uniqueUserSlug } from "./auth-users";
import { consumeOneTimeToken } from "./one-time-tokens";

export type FirstAdminResult = { ok: true; id: number } | { ok: false; reason: "invalid-token" | "admin-exists" | "email-taken" };

// Creates the first admin from the setup link, in one transaction with using up the token, so
// the link works once and never after an admin exists.
export async function createFirstAdmin({
  token,
  email,
  displayName,
  passwordHash,
}: {
  token: string;
  email: string;
  displayName: string;
  passwordHash: string;
}): Promise<FirstAdminResult> {
  return inWriteTransaction((tx) => {
    const admins = tx.select({ n: count() }).from(users).where(eq(users.role, "admin")).get()?.n ?? 0;
    if (admins > 0) return { ok: false, reason: "admin-exists" } as const;
    const normalised = normaliseEmail(email);
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, normalised)).get()) {
      return { ok: false, reason: "email-taken" } as const;
    }
    if (!consumeOneTimeToken(tx, { purpose: "setup", token })) return { ok: false, reason: "invalid-token" } as const;
    const row = tx
      .insert(users)
      .values({ email: normalised, displayName: displayName.trim(), slug: uniqueUserSlug(tx, displayName), passwordHash, role: "admin" })
      .returning({ id: users.id })
      .get();
    return { ok: true, id: row.id } as const;
  });
}
