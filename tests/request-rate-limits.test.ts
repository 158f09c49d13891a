import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAttempt, secondsUntilAllowed } from "@/lib/rate-limits";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

let database: TempDatabase;

beforeAll(() => {
  database = createTempDatabase({ seed: false });
});

afterAll(() => database.cleanup());

async function attempts(name: "commentIp" | "searchIp", ip: string, count: number): Promise<number[]> {
  const waits: number[] = [];
  for (let index = 0; index < count; index += 1) waits.push(await recordAttempt(name, ip));
  return waits;
}

describe("comment and search limits per address", () => {
  it("allows 10 comments a minute from one address, then asks it to wait less than a minute", async () => {
    const waits = await attempts("commentIp", "198.51.100.20", 11);
    expect(waits.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(waits[10]).toBeGreaterThan(0);
    expect(waits[10]).toBeLessThanOrEqual(60);
    expect(await secondsUntilAllowed("commentIp", "198.51.100.20")).toBeGreaterThan(0);
  });

  it("counts each address on its own, and comments apart from searches", async () => {
    expect(await recordAttempt("commentIp", "198.51.100.21")).toBe(0);
    expect(await recordAttempt("searchIp", "198.51.100.20")).toBe(0);
  });

  it("allows 60 searches a minute from one address", async () => {
    const waits = await attempts("searchIp", "198.51.100.22", 61);
    expect(waits.slice(0, 60).every((wait) => wait === 0)).toBe(true);
    expect(waits[60]).toBeGreaterThan(0);
  });

  it("keeps its counters in the database, where every server process sees them", () => {
    const rows = database.db.$client.prepare("SELECT key FROM rate_limits WHERE key LIKE 'commentIp%' OR key LIKE 'searchIp%'").all();
    expect(rows.length).toBeGreaterThanOrEqual(4);
  });
});
