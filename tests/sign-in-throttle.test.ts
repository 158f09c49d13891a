import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/db/queries/auth-users";
import { checkCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/passwords";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

let database: TempDatabase;
const password = "the-right-passphrase";

beforeAll(async () => {
  database = createTempDatabase({ seed: false });
  await createUser({ email: "Reader@Example.com", displayName: "Reader", passwordHash: await hashPassword(password), role: "reader" });
});

afterAll(() => database.cleanup());

describe("checking credentials", () => {
  it("accepts the right password whatever the email's case, and answers the same for unknown emails and wrong passwords", async () => {
    const ok = await checkCredentials({ email: "reader@example.COM", password, ip: "198.51.100.1" });
    expect(ok).toMatchObject({ ok: true, sessionVersion: 1 });
    expect(await checkCredentials({ email: "reader@example.com", password: "wrong-one-here", ip: "198.51.100.1" })).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials({ email: "nobody@example.com", password, ip: "198.51.100.1" })).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses at once after five wrong passwords for one account from one address, even the right one", async () => {
    const ip = "198.51.100.2";
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await checkCredentials({ email: "reader@example.com", password: "wrong-again!", ip })).toEqual({ ok: false, reason: "invalid" });
    }
    const refused = await checkCredentials({ email: "reader@example.com", password, ip });
    expect(refused).toMatchObject({ ok: false, reason: "throttled" });
    expect(refused.ok === false && refused.reason === "throttled" && refused.seconds).toBeGreaterThan(60);
  });

  it("still lets the same account in from another address", async () => {
    expect(await checkCredentials({ email: "reader@example.com", password, ip: "203.0.113.9" })).toMatchObject({ ok: true });
  });

  it("caps one address across many accounts", async () => {
    const ip = "198.51.100.3";
    for (let attempt = 0; attempt < 50; attempt += 1) {
      await checkCredentials({ email: `guess-${attempt}@example.com`, password: "whatever-guess", ip });
    }
    expect(await checkCredentials({ email: "reader@example.com", password, ip })).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("keeps the count in the database, so it survives a restart", () => {
    const rows = database.db.$client.prepare("select key, points from rate_limits where key like ?").all("signInAccountAndIp%198.51.100.2") as { points: number }[];
    expect(rows[0]?.points).toBeGreaterThanOrEqual(5);
  });
});
