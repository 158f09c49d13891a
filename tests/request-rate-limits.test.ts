import http from "node:http";
import type { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, stampClientIp } from "@/lib/client-ip";
import { recordAttempt, secondsUntilAllowed } from "@/lib/rate-limits";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

let database: TempDatabase;

beforeAll(() => {
  database = createTempDatabase({ seed: false });
});

afterAll(() => database.cleanup());

async function attempts(name: "commentIp" | "searchIp" | "registrationIp", ip: string, count: number): Promise<number[]> {
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

describe("the registration limit per address", () => {
  it("allows 5 registrations an hour from one address, then asks it to wait at most an hour", async () => {
    const waits = await attempts("registrationIp", "198.51.100.30", 6);
    expect(waits.slice(0, 5)).toEqual(Array(5).fill(0));
    expect(waits[5]).toBeGreaterThan(60);
    expect(waits[5]).toBeLessThanOrEqual(60 * 60);
    expect(await recordAttempt("registrationIp", "198.51.100.31")).toBe(0);
  });
});

describe("the client address the limits count", () => {
  function stamped(trustProxy: boolean, headers: http.IncomingHttpHeaders): string | string[] | undefined {
    const req = new http.IncomingMessage({ remoteAddress: "203.0.113.9" } as Socket);
    req.headers = headers;
    stampClientIp(req, trustProxy);
    return req.headers[CLIENT_IP_HEADER];
  }

  it("is the connection's unless TRUST_PROXY is set, and a client cannot send its own", () => {
    expect(stamped(false, { "x-forwarded-for": "198.51.100.1", [CLIENT_IP_HEADER]: "198.51.100.2" })).toBe("203.0.113.9");
  });

  it("is the first X-Forwarded-For entry behind a trusted proxy", () => {
    expect(stamped(true, { "x-forwarded-for": "198.51.100.1, 10.0.0.1" })).toBe("198.51.100.1");
    expect(stamped(true, {})).toBe("203.0.113.9");
  });
});
