import { lt } from "drizzle-orm";
import type { Db } from "../client";
import { rateLimits } from "../schema";

// rate_limits keys hold client addresses (and, for sign-in, the typed email). A row is useless
// once its window has ended; rate-limiter-flexible only ignores such rows, so they are deleted
// here. `nowMs` is the limiter's own clock (Date.now(), which wrote `expire`), not lib/clock.ts.
export function purgeExpiredRateLimits(db: Db, nowMs: number): number {
  return db.delete(rateLimits).where(lt(rateLimits.expire, nowMs)).run().changes;
}
