import { eq, like, sql } from "drizzle-orm";
import { activeBan, type ActiveBan } from "../../lib/bans";
import { slugify } from "../../lib/slugs";
import { getDb, type Db, inWriteTransaction, preparedPerConnection } from "../client";
import { users, type UserRole } from "../schema";
import { currentTime } from "../../lib/clock";

export type SessionUser = {
  id: number;
  email: string;
  slug: string;
  displayName: string;
  bio: string;
  role: UserRole;
  sessionVersion: number;
  ban: ActiveBan | null;
};

const sessionUserColumns = {
  id: users.id,
  email: users.email,
  slug: users.slug,
  displayName: users.displayName,
  bio: users.bio,
  role: users.role,
  sessionVersion: users.sessionVersion,
  bannedAt: users.bannedAt,
  bannedUntil: users.bannedUntil,
  banReason: users.banReason,
};

type SessionUserRow = Pick<typeof users.$inferSelect, keyof typeof sessionUserColumns>;

function toSessionUser({ bannedAt, bannedUntil, banReason, ...user }: SessionUserRow, now: Date): SessionUser {
  return { ...user, ban: activeBan({ bannedAt, bannedUntil, banReason }, now) };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Read on every signed-in request (lib/authz.ts), so prepared once per connection.
const sessionUserById = preparedPerConnection((db) =>
  db.select(sessionUserColumns).from(users).where(eq(users.id, sql.placeholder("id"))).prepare(),
);

export async function getSessionUserById({ id, now = currentTime() }: { id: number; now?: Date }): Promise<SessionUser | null> {
  const row = sessionUserById().get({ id });
  return row ? toSessionUser(row, now) : null;
}

export async function getSessionUserByEmail({
  email,
  now = currentTime(),
}: {
  email: string;
  now?: Date;
}): Promise<SessionUser | null> {
  const row = getDb().select(sessionUserColumns).from(users).where(eq(users.email, normaliseEmail(email))).get();
  return row ? toSessionUser(row, now) : null;
}

// Only sign-in needs the password hash; nothing else selects it.
export async function findCredentialsByEmail({
  email,
}: {
  email: string;
}): Promise<{ id: number; passwordHash: string | null; sessionVersion: number } | null> {
  const row = getDb()
    .select({ id: users.id, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .get();
  return row ?? null;
}

export async function getPasswordHash({ userId }: { userId: number }): Promise<string | null> {
  return getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get()?.passwordHash ?? null;
}

export function uniqueUserSlug(tx: Pick<Db, "select">, displayName: string): string {
  const base = slugify(displayName, 60) || "user";
  const taken = new Set(
    tx
      .select({ slug: users.slug })
      .from(users)
      .where(like(users.slug, `${base}%`))
      .all()
      .map((row) => row.slug),
  );
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
  }
}

export type CreateUserResult = { ok: true; id: number; slug: string } | { ok: false; reason: "email-taken" };

export async function createUser({
  email,
  displayName,
  passwordHash,
  role,
}: {
  email: string;
  displayName: string;
  passwordHash: string | null;
  role: UserRole;
}): Promise<CreateUserResult> {
  return inWriteTransaction((tx) => {
    const normalised = normaliseEmail(email);
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, normalised)).get()) {
      return { ok: false, reason: "email-taken" } as const;
    }
    const slug = uniqueUserSlug(tx, displayName);
    const row = tx
      .insert(users)
      .values({ email: normalised, displayName: displayName.trim(), slug, passwordHash, role })
      .returning({ id: users.id })
      .get();
    return { ok: true, id: row.id, slug } as const;
  });
}

// A new password ends every other session: the version in their cookies no longer matches.
export async function setUserPassword({ userId, passwordHash }: { userId: number; passwordHash: string }): Promise<number | null> {
  const row = getDb()
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion })
    .get();
  return row?.sessionVersion ?? null;
}

export async function bumpSessionVersion({ userId }: { userId: number }): Promise<void> {
  getDb()
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .run();
}

export async function countAdmins(): Promise<number> {
  const row = getDb()
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(eq(users.role, "admin"))
    .get();
  return row?.n ?? 0;
}
