import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createUser } from "@/db/queries/auth-users";
import { emailHash, logBan, logModeration, logRegistration, logRoleChange } from "@/lib/audit-log";
import { checkCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/passwords";
import { logUnhandledError } from "@/lib/error-log";
import { logger } from "@/lib/logger";
import { answerUnhandledError } from "@/lib/unhandled-error-response";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

// The real logger's configuration (redaction included), writing into memory instead of stdout.
const captured = vi.hoisted(() => ({ lines: [] as string[] }));
vi.mock("@/lib/logger", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/logger")>();
  return { ...actual, logger: actual.createLogger({ write: (line: string) => void captured.lines.push(line) }, "info") };
});

type LogLine = Record<string, unknown> & { event?: string; msg?: string };
function logLines(): LogLine[] {
  return captured.lines.map((line) => JSON.parse(line) as LogLine);
}
function takeLines(): { raw: string; lines: LogLine[] } {
  const raw = captured.lines.join("");
  const lines = logLines();
  captured.lines.length = 0;
  return { raw, lines };
}

const email = "Logged.Person@example.test";
const password = "correct horse battery staple 42";
const wrongPassword = "wrong-password-that-must-not-leak";
let temp: TempDatabase;
let userId: number;

beforeAll(async () => {
  temp = createTempDatabase({ seed: false });
  const created = await createUser({ email, displayName: "Logged Person", passwordHash: await hashPassword(password), role: "reader" });
  if (!created.ok) throw new Error("could not create the user");
  userId = created.id;
});

afterAll(() => temp.cleanup());

describe("sign-in events", () => {
  it("log a success with the user id and address, never the password", async () => {
    takeLines();
    expect(await checkCredentials({ email, password, ip: "198.18.0.1" })).toMatchObject({ ok: true });
    const { raw, lines } = takeLines();
    expect(lines).toEqual([expect.objectContaining({ event: "sign-in", outcome: "success", userId, ip: "198.18.0.1", level: 30 })]);
    expect(raw).not.toContain(password);
    expect(raw).not.toContain(email);
  });

  it("log a failure with the account's id and a hash of the typed address, never the password or the address", async () => {
    takeLines();
    await checkCredentials({ email, password: wrongPassword, ip: "198.18.0.2" });
    await checkCredentials({ email: "nobody@example.test", password: wrongPassword, ip: "198.18.0.2" });
    const { raw, lines } = takeLines();
    expect(lines).toEqual([
      expect.objectContaining({ event: "sign-in", outcome: "failure", userId, emailHash: emailHash(email), ip: "198.18.0.2" }),
      expect.objectContaining({ event: "sign-in", outcome: "failure", userId: null, emailHash: emailHash("nobody@example.test") }),
    ]);
    expect(emailHash(email)).toMatch(/^[0-9a-f]{16}$/);
    expect(emailHash(` ${email.toUpperCase()} `)).toBe(emailHash(email));
    for (const secret of [wrongPassword, email, email.toLowerCase(), "nobody@example.test"]) expect(raw).not.toContain(secret);
  });

  it("log a throttled attempt", async () => {
    for (let attempt = 0; attempt < 6; attempt += 1) await checkCredentials({ email, password: wrongPassword, ip: "198.18.0.3" });
    takeLines();
    expect(await checkCredentials({ email, password, ip: "198.18.0.3" })).toMatchObject({ ok: false, reason: "throttled" });
    const { raw, lines } = takeLines();
    expect(lines).toEqual([expect.objectContaining({ event: "sign-in", outcome: "throttled", ip: "198.18.0.3" })]);
    expect(raw).not.toContain(password);
  });
});

describe("account and moderation events", () => {
  it("name the actor, the target and the change", () => {
    takeLines();
    logRegistration({ userId: 7, ip: "198.18.0.4" });
    logModeration({ actorId: 2, action: "spam", commentIds: [10, 11] });
    logBan({ actorId: 2, userId: 7, until: null, commentId: 10 });
    logRoleChange({ actorId: 1, userId: 7, from: "reader", to: "author" });
    expect(takeLines().lines).toEqual([
      expect.objectContaining({ event: "registration", userId: 7, ip: "198.18.0.4" }),
      expect.objectContaining({ event: "moderation", actorId: 2, action: "spam", commentIds: [10, 11] }),
      expect.objectContaining({ event: "ban", actorId: 2, userId: 7, until: "permanent", commentId: 10 }),
      expect.objectContaining({ event: "role-change", actorId: 1, userId: 7, from: "reader", to: "author" }),
    ]);
  });
});

describe("the logger's safety net", () => {
  it("redacts passwords, tokens and cookies wherever a careless call site puts them", () => {
    takeLines();
    logger.info({ password: "hunter2-hunter2", token: "one-time-secret", user: { password: "nested-secret" } }, "oops");
    logger.info({ req: { headers: { cookie: "authjs.session-token=eyJsecret", authorization: "Bearer abc.def" } } }, "oops");
    logger.info({ headers: { cookie: "authjs.session-token=eyJother" } }, "oops");
    const { raw } = takeLines();
    for (const secret of ["hunter2-hunter2", "one-time-secret", "nested-secret", "eyJsecret", "abc.def", "eyJother"]) {
      expect(raw).not.toContain(secret);
    }
    expect(raw).toContain("[redacted]");
  });

  it("logs errors with their stack but request paths without their query", () => {
    takeLines();
    logUnhandledError("next", new Error("render failed"), { method: "GET", url: "/reset-password?token=reset-secret", routePath: "/reset-password" });
    const { raw, lines } = takeLines();
    expect(lines[0]).toMatchObject({ event: "error", source: "next", method: "GET", path: "/reset-password", routePath: "/reset-password", level: 50 });
    expect((lines[0]?.err as { stack?: string }).stack).toContain("render failed");
    expect(raw).not.toContain("reset-secret");
  });
});

describe("the custom server's answer to an unexpected error", () => {
  it("is a bare 500 without the message or stack, which go to the log", async () => {
    const server = http.createServer((req, res) => {
      Promise.reject(new Error("database exploded at /srv/secret/path")).catch((error: unknown) => answerUnhandledError(req, res, error));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      takeLines();
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/articles/x?token=abc`, { headers: { cookie: "authjs.session-token=s3cret" } });
      expect(response.status).toBe(500);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const body = await response.text();
      expect(body).toBe("Internal Server Error");
      const { raw, lines } = takeLines();
      expect(lines).toEqual([expect.objectContaining({ event: "error", source: "server", method: "GET", path: "/articles/x" })]);
      expect(raw).toContain("database exploded");
      expect(raw).not.toContain("s3cret");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
