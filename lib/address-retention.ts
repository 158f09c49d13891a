import type { Db } from "../db/client";
import { purgeExpiredRateLimits } from "../db/queries/rate-limit-retention";
import { logger } from "./logger";

// The only client addresses the database keeps are the rate-limit counters' keys. Expired ones
// are deleted at start-up and every hour, so an address is kept at most an hour past the end of
// its limit's window (the longest window is one hour). README: Operations › Logs.
export const ADDRESS_PURGE_INTERVAL_MS = 60 * 60 * 1000;

export function scheduleAddressPurge(db: Db): () => void {
  const purge = () => {
    try {
      const purged = purgeExpiredRateLimits(db, Date.now());
      if (purged > 0) logger.info({ event: "address-purge", purged }, "Deleted expired rate-limit entries.");
    } catch (error) {
      // Retried at the next interval; it must not stop the server.
      logger.error({ event: "address-purge", err: error }, "Could not delete expired rate-limit entries");
    }
  };
  purge();
  const timer = setInterval(purge, ADDRESS_PURGE_INTERVAL_MS).unref();
  return () => clearInterval(timer);
}
