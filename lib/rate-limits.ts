import { RateLimiterRes, RateLimiterSQLite } from "rate-limiter-flexible";
import { getDb, preparedPerConnection } from "../db/client";
import { getConfig } from "./config";

// Limits kept in SQLite (table rate_limits, created by a migration), so they hold across restarts
// and across server processes. README lists every limit.
export const rateLimitPolicies = {
  // Wrong passwords for one account from one address.
  signInAccountAndIp: { points: 5, duration: 15 * 60 },
  // Wrong passwords from one address, whatever the account: a separate, looser cap, so nobody can
  // lock an account out from elsewhere, and one address cannot try many accounts.
  signInIp: { points: 50, duration: 60 * 60 },
  registrationIp: { points: 5, duration: 60 * 60 },
  // Comments posted from one address, and searches run from one address (COMMENT_RATE_LIMIT and
  // SEARCH_RATE_LIMIT per minute; generous, so only scripts meet them).
  commentIp: { points: () => getConfig().commentRateLimit, duration: 60 },
  searchIp: { points: () => getConfig().searchRateLimit, duration: 60 },
} as const;

export type RateLimitName = keyof typeof rateLimitPolicies;

function policy(name: RateLimitName): { points: number; duration: number } {
  const { points, duration } = rateLimitPolicies[name];
  return { points: typeof points === "function" ? points() : points, duration };
}

const limiters = new Map<RateLimitName, RateLimiterSQLite>();

function limiter(name: RateLimitName): RateLimiterSQLite {
  let existing = limiters.get(name);
  if (!existing) {
    existing = new RateLimiterSQLite({
      storeClient: getDb().$client,
      storeType: "better-sqlite3",
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix: name,
      ...policy(name),
    });
    limiters.set(name, existing);
  }
  return existing;
}

// Seconds until `key` may try again, or 0 when it is not blocked. Reading does not count.
export async function secondsUntilAllowed(name: RateLimitName, key: string): Promise<number> {
  const state = await limiter(name).get(key);
  if (!state || state.remainingPoints > 0) return 0;
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

// Counts one attempt; returns the seconds to wait when this attempt used up the allowance.
export async function recordAttempt(name: RateLimitName, key: string): Promise<number> {
  try {
    await limiter(name).consume(key);
    return 0;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}

export async function resetAttempts(name: RateLimitName, key: string): Promise<void> {
  await limiter(name).delete(key);
}

export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

// The same count as recordAttempt, in the same row (rate-limiter-flexible's key, points and expiry
// in ms), but as one prepared statement run inside the caller's write transaction: posting a comment
// then takes SQLite's write lock once, not twice. Date.now(), not the test clock, as the library
// that reads and resets these rows uses it.
const consumeStatement = preparedPerConnection((db) =>
  db.$client.prepare<[{ key: string; expire: number; now: number }], { points: number; expire: number | null }>(
    `INSERT INTO rate_limits (key, points, expire) VALUES (@key, 1, @expire)
     ON CONFLICT(key) DO UPDATE SET
       points = CASE WHEN expire IS NULL OR expire > @now THEN points + 1 ELSE 1 END,
       expire = CASE WHEN expire IS NULL OR expire > @now THEN expire ELSE excluded.expire END
     RETURNING points, expire`,
  ),
);

export function recordAttemptInTransaction(name: RateLimitName, key: string): number {
  const { points, duration } = policy(name);
  const now = Date.now();
  const row = consumeStatement().get({ key: `${name}:${key}`, expire: now + duration * 1000, now });
  if (!row || row.points <= points) return 0;
  return Math.max(1, Math.ceil(((row.expire ?? now) - now) / 1000));
}
