import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeExpiredRateLimits } from "@/db/queries/rate-limit-retention";
import { recordAttempt, secondsUntilAllowed } from "@/lib/rate-limits";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

let temp: TempDatabase;

beforeAll(() => {
  temp = createTempDatabase({ seed: false });
});

afterAll(() => temp.cleanup());

function storedKeys(): string[] {
  return (temp.db.$client.prepare("select key from rate_limits order by key").all() as { key: string }[]).map((row) => row.key);
}

describe("client addresses in rate_limits", () => {
  it("are deleted once their limit's window has ended, and kept while it runs", async () => {
    await recordAttempt("registrationIp", "198.18.1.1");
    await recordAttempt("signInIp", "198.18.1.2");
    expect(storedKeys()).toEqual(["registrationIp:198.18.1.1", "signInIp:198.18.1.2"]);

    // Nothing has expired yet.
    expect(purgeExpiredRateLimits(temp.db, Date.now())).toBe(0);
    expect(storedKeys()).toHaveLength(2);

    // Both windows are one hour.
    expect(purgeExpiredRateLimits(temp.db, Date.now() + 60 * 60 * 1000 + 1000)).toBe(2);
    expect(storedKeys()).toEqual([]);
    expect(await secondsUntilAllowed("registrationIp", "198.18.1.1")).toBe(0);
  });
});
