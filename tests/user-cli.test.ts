import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createUser, getPasswordHash, getSessionUserByEmail } from "../db/queries/auth-users";
import { consumeOneTimeToken, findValidOneTimeToken } from "../db/queries/one-time-tokens";
import { userRoles, users, type UserRole } from "../db/schema";
import { verifyPassword } from "../lib/auth/passwords";
import { parseCommandLine } from "../scripts/user-cli/parse";
import { compiledScript } from "./support/compiled-script";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

// The CLI runs as a real child process against this file's temporary database; assertions read
// the rows back through the data layer. It is compiled once (tests/support/compiled-script.ts)
// rather than loaded through tsx on each of the many starts; the terminal tests below start it
// exactly as `npm run user` does.
const root = fileURLToPath(new URL("..", import.meta.url));
const siteUrl = "https://blog.example.test";

// Several CLIs are spawned per test, and other test files run alongside, so the default 20 s is
// too tight on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

let temp: TempDatabase;

beforeAll(() => {
  temp = createTempDatabase({ seed: false });
});

afterAll(() => {
  temp.cleanup();
});

type CliRun = { code: number | null; stdout: string; stderr: string };

// `input` is written to stdin, which is then closed; without it stdin is an empty pipe.
function runCli(
  args: string[],
  { input = "", databasePath, env = {} }: { input?: string; databasePath?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [compiledScript("scripts/user-cli.ts"), ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: databasePath ?? temp.file, SITE_URL: siteUrl, ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

// A failure: exit code 1, nothing on stdout and exactly one line on stderr containing `message`.
function expectFailure(run: CliRun, message: string | RegExp): void {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stdout).toBe("");
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(run.stderr).toMatch(message);
}

function expectSuccess(run: CliRun): void {
  expect(run.code, run.stderr).toBe(0);
}

// Setting up accounts in-process is much faster than spawning the CLI for each.
async function makeUser(email: string, role: UserRole = "reader", displayName = email.split("@")[0] ?? email) {
  const result = await createUser({ email, displayName, passwordHash: null, role });
  if (!result.ok) throw new Error(`could not create ${email}`);
  return result.id;
}

function row(email: string) {
  const found = temp.db.select().from(users).where(eq(users.email, email)).get();
  if (!found) throw new Error(`no row for ${email}`);
  return found;
}

function userCount(): number {
  return temp.db.select().from(users).all().length;
}

describe("usage", () => {
  it("prints usage for --help, refuses unknown commands and a missing command", async () => {
    const [help, commandHelp, none, unknown] = await Promise.all([
      runCli(["--help"]),
      runCli(["ban", "--help"]),
      runCli([]),
      runCli(["frobnicate"]),
    ]);
    expectSuccess(help);
    expect(help.stdout).toContain("Usage: npm run user -- <command>");
    for (const command of ["add", "set-role", "set-password", "ban", "unban", "list", "reset-link"]) {
      expect(help.stdout).toContain(`  ${command} `);
    }
    expect(help.stdout).toContain(`Roles: ${userRoles.join(", ")}.`);
    expect(help.stderr).toBe("");
    expectSuccess(commandHelp);
    expect(commandHelp.stdout).toBe(help.stdout);

    expectFailure(none, "No command given.");
    expectFailure(unknown, 'Unknown command "frobnicate"');
  });
});

// The argument checks in every combination, in-process: no need to spawn a CLI for each.
describe("argument checks", () => {
  it("turns valid command lines into plans", () => {
    expect(parseCommandLine(["add", " New@Example.COM ", "--name", "  Ann Example "])).toEqual({
      command: "add",
      email: "new@example.com",
      displayName: "Ann Example",
      role: "reader",
    });
    expect(parseCommandLine(["add", "a@example.com", "--name", "y".repeat(60), "--role", "Admin"])).toMatchObject({ role: "admin" });
    expect(parseCommandLine(["set-role", "a@example.com", "author"])).toEqual({ command: "set-role", email: "a@example.com", role: "author" });
    expect(parseCommandLine(["ban", "a@example.com", "--days", "30", "--reason", "  "])).toEqual({
      command: "ban",
      email: "a@example.com",
      days: 30,
      reason: null,
    });
    expect(parseCommandLine(["ban", "a@example.com", "--reason", "Spam"])).toMatchObject({ days: null, reason: "Spam" });
    expect(parseCommandLine(["list"])).toEqual({ command: "list", role: null, search: "" });
    expect(parseCommandLine(["list", "--role", "admin", "--search", "ann"])).toEqual({ command: "list", role: "admin", search: "ann" });
    expect(parseCommandLine(["reset-link", "a@example.com"])).toEqual({ command: "reset-link", email: "a@example.com" });
    expect(parseCommandLine(["unban", "-h"])).toBe("help");
    expect(parseCommandLine(["help"])).toBe("help");
  });

  it("refuses bad command lines with a clear message", () => {
    const refusals: [string[], string | RegExp][] = [
      [[], "No command given."],
      [["delete", "a@example.com"], 'Unknown command "delete"'],
      [["add", "a@example", "--name", "A"], '"a@example" is not a valid email address.'],
      [["add", "a@@example.com", "--name", "A"], "is not a valid email address"],
      [["add", "a@example.com"], 'add needs --name "<display name>".'],
      [["add", "--name", "A"], "add needs <email>."],
      [["add", "a@example.com", "--name", "   "], "The display name must not be empty."],
      [["add", "a@example.com", "--name", "z".repeat(61)], "The display name is 61 characters long; use at most 60."],
      [["add", "a@example.com", "--name", "Tab\there"], "control characters"],
      [["add", "a@example.com", "b@example.com", "--name", "B"], 'unexpected "b@example.com"'],
      [["add", "a@example.com", "--name", "A", "--role", "owner"], 'Unknown role "owner". Use one of: reader, author, moderator, admin.'],
      [["set-role", "a@example.com"], "set-role needs <role>."],
      [["set-role", "a@example.com", "superuser"], 'Unknown role "superuser"'],
      [["ban", "a@example.com", "--days", "0"], "--days must be between 1 and 36500."],
      [["ban", "a@example.com", "--days", "1.5"], '--days must be a whole number of days, not "1.5".'],
      [["ban", "a@example.com", "--days"], /--days/],
      [["ban", "a@example.com", "--reason", "r".repeat(501)], "The ban reason is 501 characters long; use at most 500."],
      [["add", `${"e".repeat(310)}@example.com`, "--name", "Long"], "is not a valid email address"],
      [["list", "--role", "boss"], 'Unknown role "boss"'],
      [["list", "everyone"], 'list takes no arguments; unexpected "everyone".'],
      [["list", "--colour"], /Unknown option '--colour'/],
      [["reset-link"], "reset-link needs <email>."],
    ];
    for (const [argv, message] of refusals) {
      expect(() => parseCommandLine(argv), argv.join(" ")).toThrow(message);
    }
  });
});

describe("fresh database", () => {
  it("migrates a database that does not exist yet and seeds nothing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "user-cli-fresh-"));
    try {
      const file = path.join(dir, "nested", "site.db");
      const listed = await runCli(["list"], { databasePath: file });
      expectSuccess(listed);
      expect(listed.stdout.trim()).toBe("No users yet.");

      const added = await runCli(["add", "first@example.com", "--name", "First Admin", "--role", "admin"], {
        databasePath: file,
        input: "a fresh clone password\n",
      });
      expectSuccess(added);
      const sqlite = new Database(file, { readonly: true });
      try {
        const count = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
        expect(count("users")).toBe(1);
        expect(count("articles")).toBe(0);
        expect(count("publications")).toBe(0);
        expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
      } finally {
        sqlite.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("add", () => {
  it("creates a user with the first line of stdin as the password", async () => {
    const run = await runCli(["add", "  Piped@Example.COM ", "--name", "  Piped Person  ", "--role", "author"], {
      input: "correct horse battery staple\nthis second line is ignored\n",
    });
    expectSuccess(run);
    expect(run.stdout).toMatch(/^Created user #\d+ piped@example\.com \("Piped Person", author\)\.\n$/);
    expect(run.stdout).not.toContain("password");

    const user = await getSessionUserByEmail({ email: "piped@example.com" });
    expect(user).toMatchObject({ displayName: "Piped Person", role: "author", slug: "piped-person", ban: null });
    const hash = await getPasswordHash({ userId: user!.id });
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery staple\n")).toBe(false);
  });

  it("generates a password when none is piped, prints it once, and it works", async () => {
    const run = await runCli(["add", "generated@example.com", "--name", "Generated"]);
    expectSuccess(run);
    const match = /^Generated password \(shown only this once\): (\S+)$/m.exec(run.stdout);
    const password = match?.[1] ?? "";
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(run.stdout.split(password)).toHaveLength(2);

    const user = await getSessionUserByEmail({ email: "generated@example.com" });
    expect(user?.role).toBe("reader");
    expect(await verifyPassword(await getPasswordHash({ userId: user!.id }), password)).toBe(true);
  });

  it("refuses bad input without creating anything", async () => {
    await makeUser("taken@example.com");
    const before = userCount();
    const strong = { input: "a perfectly good password\n" };
    const [duplicate, malformed, unknownRole, short, common, personal, emptyLine] = await Promise.all([
      runCli(["add", "TAKEN@example.com", "--name", "Someone"], strong),
      runCli(["add", "not-an-email", "--name", "Someone"], strong),
      runCli(["add", "role@example.com", "--name", "Someone", "--role", "overlord"], strong),
      runCli(["add", "short@example.com", "--name", "Someone"], { input: "short\n" }),
      runCli(["add", "common@example.com", "--name", "Someone"], { input: "qwertyuiop\n" }),
      runCli(["add", "jonathan.smith@example.com", "--name", "Someone"], { input: "Jonathan.Smith\n" }),
      runCli(["add", "empty@example.com", "--name", "Someone"], { input: "\n" }),
    ]);
    expectFailure(duplicate, "A user with the email taken@example.com already exists.");
    expectFailure(malformed, '"not-an-email" is not a valid email address.');
    expectFailure(unknownRole, 'Unknown role "overlord". Use one of: reader, author, moderator, admin.');
    expectFailure(short, "Password refused: Use at least 10 characters.");
    expectFailure(common, "Password refused: This password is too common.");
    expectFailure(personal, "Password refused: Do not use your name or email address as your password.");
    expectFailure(emptyLine, "Password refused: Use at least 10 characters.");
    expect(userCount()).toBe(before);
  });
});

describe("set-role", () => {
  it("changes roles but never demotes the last admin", async () => {
    await makeUser("root@example.com", "admin");
    await makeUser("deputy@example.com", "reader");

    const promote = await runCli(["set-role", "deputy@example.com", "moderator"]);
    expectSuccess(promote);
    expect(promote.stdout).toBe("Changed the role of deputy@example.com from reader to moderator.\n");
    expect(row("deputy@example.com").role).toBe("moderator");

    const [lastAdmin, same] = await Promise.all([
      runCli(["set-role", "root@example.com", "author"]),
      runCli(["set-role", "Deputy@Example.com", "MODERATOR"]),
    ]);
    expectFailure(lastAdmin, "root@example.com is the only admin and cannot be demoted; make another user admin first.");
    expect(row("root@example.com").role).toBe("admin");
    expectSuccess(same);
    expect(same.stdout).toBe("deputy@example.com is already moderator; nothing changed.\n");

    expectSuccess(await runCli(["set-role", "deputy@example.com", "admin"]));
    const demote = await runCli(["set-role", "root@example.com", "reader"]);
    expectSuccess(demote);
    expect(row("root@example.com").role).toBe("reader");
    expect(row("deputy@example.com").role).toBe("admin");
  });
});

describe("set-password", () => {
  it("replaces the hash and ends the user's sessions", async () => {
    const userId = await makeUser("changer@example.com", "author", "Changer");
    const initial = await runCli(["set-password", "changer@example.com"], { input: "the first password\n" });
    expectSuccess(initial);
    const first = row("changer@example.com");

    // A Windows line ending is stripped too.
    const run = await runCli(["set-password", "CHANGER@example.com"], { input: "the second password\r\n" });
    expectSuccess(run);
    expect(run.stdout).toContain("Changed the password of changer@example.com.");
    expect(run.stdout).toContain("sessions have been ended");
    const second = row("changer@example.com");
    expect(second.sessionVersion).toBe(first.sessionVersion + 1);
    expect(second.passwordHash).not.toBe(first.passwordHash);
    expect(await verifyPassword(second.passwordHash, "the second password")).toBe(true);
    expect(await verifyPassword(second.passwordHash, "the first password")).toBe(false);

    const [nothing, common] = await Promise.all([
      runCli(["set-password", "changer@example.com"]),
      runCli(["set-password", "changer@example.com"], { input: "1234567890\n" }),
    ]);
    expectFailure(nothing, "No password on stdin");
    expectFailure(common, "Password refused: This password is too common.");
    expect(row("changer@example.com")).toMatchObject({ id: userId, sessionVersion: second.sessionVersion, passwordHash: second.passwordHash });
  });
});

describe("ban and unban", () => {
  it("bans for some days with a reason, permanently, and lifts bans", async () => {
    await makeUser("spammer@example.com");
    await makeUser("troll@example.com");
    const before = Date.now();
    const temporary = await runCli(["ban", "spammer@example.com", "--days", "7", "--reason", "Link spam"]);
    expectSuccess(temporary);
    expect(temporary.stdout).toMatch(/^Banned spammer@example\.com until \d{4}-\d\d-\d\d \d\d:\d\d UTC\. Reason: Link spam\n$/);
    const spammer = await getSessionUserByEmail({ email: "spammer@example.com" });
    expect(spammer?.ban?.reason).toBe("Link spam");
    const until = spammer?.ban?.until?.getTime() ?? 0;
    const week = 7 * 24 * 60 * 60 * 1000;
    expect(until).toBeGreaterThanOrEqual(before + week);
    expect(until).toBeLessThanOrEqual(Date.now() + week);

    const [permanent, zeroDays] = await Promise.all([
      runCli(["ban", "troll@example.com"]),
      runCli(["ban", "troll@example.com", "--days", "0"]),
    ]);
    expectSuccess(permanent);
    expect(permanent.stdout).toBe("Banned troll@example.com permanently.\n");
    expect((await getSessionUserByEmail({ email: "troll@example.com" }))?.ban).toEqual({ reason: null, until: null });
    expectFailure(zeroDays, "--days must be between 1 and 36500.");

    const lifted = await runCli(["unban", "spammer@example.com"]);
    expectSuccess(lifted);
    expect(lifted.stdout).toBe("Unbanned spammer@example.com.\n");
    expect(row("spammer@example.com")).toMatchObject({ bannedAt: null, bannedUntil: null, banReason: null });
    const again = await runCli(["unban", "spammer@example.com"]);
    expectSuccess(again);
    expect(again.stdout).toBe("spammer@example.com was not banned; nothing to lift.\n");
    expect((await getSessionUserByEmail({ email: "troll@example.com" }))?.ban).not.toBeNull();
  });
});

describe("list", () => {
  it("prints every user as a table, optionally of one role", async () => {
    await makeUser("lister@example.com", "moderator", "Lister Name");
    const [all, moderators] = await Promise.all([runCli(["list"]), runCli(["list", "--role", "moderator"])]);
    expectSuccess(all);
    const lines = all.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ID\s+EMAIL\s+NAME\s+ROLE\s+BANNED\s+CREATED$/);
    expect(lines).toHaveLength(userCount() + 1);
    const { id, createdAt } = row("lister@example.com");
    const created = createdAt.toISOString().slice(0, 10);
    const lister = lines.find((line) => line.includes("lister@example.com"));
    expect(lister).toMatch(new RegExp(`^${id}\\s+lister@example\\.com\\s+Lister Name\\s+moderator\\s+no\\s+${created}$`));
    expect(lines.find((line) => line.includes("troll@example.com"))).toMatch(/\sreader\s+permanent\s/);
    const ids = lines.slice(1).map((line) => Number(line.split(/\s+/)[0]));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));

    expectSuccess(moderators);
    const moderatorLines = moderators.stdout.trimEnd().split("\n").slice(1);
    expect(moderatorLines.length).toBeGreaterThan(0);
    expect(moderatorLines.every((line) => /\smoderator\s/.test(line))).toBe(true);
    expect(moderators.stdout).toContain("lister@example.com");
  });
});

describe("reset-link", () => {
  it("prints a link whose token is valid for an hour and works once", async () => {
    const userId = await makeUser("forgetful@example.com");
    const run = await runCli(["reset-link", "forgetful@example.com"]);
    expectSuccess(run);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("valid for one hour, once");
    const token = new RegExp(`^${siteUrl.replaceAll(".", "\\.")}/reset-password\\?token=([A-Za-z0-9_-]+)$`, "m").exec(run.stdout)?.[1];
    expect(token).toBeDefined();

    const purpose = "password-reset";
    expect(await findValidOneTimeToken({ purpose, token: token! })).toEqual({ userId });
    expect(await findValidOneTimeToken({ purpose, token: token!, now: new Date(Date.now() + 59 * 60 * 1000) })).toEqual({ userId });
    expect(await findValidOneTimeToken({ purpose, token: token!, now: new Date(Date.now() + 61 * 60 * 1000) })).toBeUndefined();
    expect(await findValidOneTimeToken({ purpose: "setup", token: token! })).toBeUndefined();

    expect(temp.db.transaction((tx) => consumeOneTimeToken(tx, { purpose, token: token! }))).toEqual({ userId });
    expect(temp.db.transaction((tx) => consumeOneTimeToken(tx, { purpose, token: token! }))).toBeUndefined();
    expect(await findValidOneTimeToken({ purpose, token: token! })).toBeUndefined();
  });

  it("uses the default site URL, with a note, when SITE_URL is unset", async () => {
    await makeUser("local@example.com");
    const run = await runCli(["reset-link", "local@example.com"], { env: { SITE_URL: undefined, PORT: "4123" } });
    expectSuccess(run);
    expect(run.stdout).toMatch(/^http:\/\/localhost:4123\/reset-password\?token=[A-Za-z0-9_-]+$/m);
    expect(run.stderr).toContain("SITE_URL is not set");
  });
});

describe("missing users", () => {
  it("commands that name a user refuse an unknown email", async () => {
    const runs = await Promise.all([
      runCli(["set-password", "ghost@example.com"], { input: "a good long password\n" }),
      runCli(["ban", "Ghost@Example.com", "--days", "1"]),
      runCli(["reset-link", "ghost@example.com"]),
    ]);
    for (const run of runs) expectFailure(run, "No user with the email ghost@example.com.");
    expect(temp.db.select().from(users).where(eq(users.email, "ghost@example.com")).get()).toBeUndefined();
  });
});

describe("concurrency", () => {
  it("waits for another connection's write (as a running server's) instead of failing", async () => {
    const other = new Database(temp.file);
    other.pragma("busy_timeout = 5000");
    other.exec("BEGIN IMMEDIATE");
    const running = runCli(["add", "patient@example.com", "--name", "Patient"], { input: "waiting for the lock\n" });
    // Long enough for the CLI to start and reach its write, shorter than its 5 s busy_timeout.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    other.exec("COMMIT");
    other.close();
    const run = await running;
    expectSuccess(run);
    expect(row("patient@example.com").displayName).toBe("Patient");
  });
});

// util-linux `script` gives the CLI a terminal as stdin, as when an operator types the command.
const hasScript = process.platform === "linux" && spawnSync("script", ["--version"]).status === 0;

describe.skipIf(!hasScript)("on a terminal", () => {
  function runOnTerminal(args: string[]): Promise<CliRun> {
    const command = ["node", "--import", "tsx", "scripts/user-cli.ts", ...args].map((arg) => `'${arg}'`).join(" ");
    return new Promise((resolve, reject) => {
      const child = spawn("script", ["-qec", command, "/dev/null"], {
        cwd: root,
        env: { ...process.env, DATABASE_PATH: temp.file, SITE_URL: siteUrl },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr: "" }));
    });
  }

  it("add generates a password and set-password asks for a pipe", async () => {
    const [added, refused] = await Promise.all([
      runOnTerminal(["add", "typist@example.com", "--name", "Typist"]),
      runOnTerminal(["set-password", "typist@example.com"]),
    ]);
    expect(added.code).toBe(0);
    const password = /Generated password \(shown only this once\): (\S+)/.exec(added.stdout)?.[1] ?? "";
    const user = await getSessionUserByEmail({ email: "typist@example.com" });
    expect(await verifyPassword(await getPasswordHash({ userId: user!.id }), password)).toBe(true);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("set-password reads the new password from stdin");
  });
});
