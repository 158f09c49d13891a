import { parseArgs } from "node:util";
import { closeDb, getDb } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { createUser, getSessionUserByEmail, normaliseEmail, setUserPassword, type SessionUser } from "../../db/queries/auth-users";
import { issueOneTimeToken } from "../../db/queries/one-time-tokens";
import { banUser, listUsers, setUserRole, unbanUser, type UserListItem } from "../../db/queries/user-admin";
import { userRoles, type UserRole } from "../../db/schema";
import { hashPassword, passwordProblem } from "../../lib/auth/passwords";
import { getConfig } from "../../lib/config";
import {
  CliError,
  formatBan,
  formatDate,
  formatDateTime,
  formatTable,
  generatePassword,
  parseBanDays,
  parseDisplayName,
  parseEmail,
  parseRole,
  readPasswordFromStdin,
  stdinIsTerminal,
} from "./support";

export const usage = `Usage: npm run user -- <command> [arguments]

Commands:
  add <email> --name "<display name>" [--role <role>]
      Create an account (role defaults to reader). The password is the first line of stdin
      when one is piped in; otherwise a random one is generated and printed once.
  set-role <email> <role>
      Change a user's role. The last admin cannot be demoted.
  set-password <email>
      Set a new password, read from stdin. Signs the user out everywhere.
  ban <email> [--days <n>] [--reason "<text>"]
      Ban a user for n days, or permanently without --days.
  unban <email>
      Lift a user's ban.
  list [--role <role>] [--search <text>]
      List users, oldest first.
  reset-link <email>
      Print a password-reset link, valid for one hour and usable once.

Roles: ${userRoles.join(", ")}.
The database is DATABASE_PATH (default data/site.db). It is migrated first, never seeded.`;

const PASSWORD_RESET_VALID_MS = 60 * 60 * 1000;
const helpOption = { help: { type: "boolean", short: "h" } } as const;

// A command checks its arguments without touching the database, then returns the work to do
// once the database is open and migrated ("help" when --help was given).
type Action = () => Promise<void>;
type Command = (args: string[]) => Action | "help";

function expectPositionals(command: string, positionals: string[], names: readonly string[]): string[] {
  if (positionals.length < names.length) {
    const missing = names.slice(positionals.length).map((name) => `<${name}>`);
    throw new CliError(`${command} needs ${missing.join(" and ")}. Run with --help for usage.`);
  }
  if (positionals.length > names.length) {
    throw new CliError(`${command} takes ${names.map((name) => `<${name}>`).join(" ") || "no arguments"}; unexpected "${positionals[names.length]}".`);
  }
  return positionals;
}

async function requireUser(email: string): Promise<SessionUser> {
  const user = await getSessionUserByEmail({ email });
  if (!user) throw new CliError(`No user with the email ${normaliseEmail(email)}.`);
  return user;
}

// Runs a data-layer write inside BEGIN IMMEDIATE. The data layer's own transactions are deferred
// and read before they write; when a running server holds the write lock at that moment, SQLite
// fails the upgrade at once with SQLITE_BUSY instead of waiting. Taking the write lock up front
// waits (busy_timeout) instead, and the data layer's transaction nests as a savepoint.
async function writeTransaction<T>(write: () => Promise<T>): Promise<T> {
  const sqlite = getDb().$client;
  sqlite.exec("BEGIN IMMEDIATE");
  try {
    const result = await write();
    sqlite.exec("COMMIT");
    return result;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    throw error;
  }
}

function refusePassword(password: string, context: { email: string; displayName: string }): void {
  const problem = passwordProblem(password, context);
  if (problem) throw new CliError(`Password refused: ${problem}`);
}

const add: Command = (args) => {
  const { values, positionals } = parseArgs({
    args,
    options: { ...helpOption, name: { type: "string" }, role: { type: "string" } },
    allowPositionals: true,
  });
  if (values.help) return "help";
  const [emailArg = ""] = expectPositionals("add", positionals, ["email"]);
  const email = parseEmail(emailArg);
  if (values.name === undefined) throw new CliError('add needs --name "<display name>".');
  const displayName = parseDisplayName(values.name);
  const role = parseRole(values.role ?? "reader");

  return async () => {
    // Checked before reading or hashing a password; createUser checks again atomically.
    if (await getSessionUserByEmail({ email })) throw new CliError(`A user with the email ${email} already exists.`);
    const piped = stdinIsTerminal() ? null : await readPasswordFromStdin();
    let password = piped ?? generatePassword();
    if (piped !== null) refusePassword(password, { email, displayName });
    // A random password essentially never fails the checks; draw again if it ever does.
    while (passwordProblem(password, { email, displayName })) password = generatePassword();

    const passwordHash = await hashPassword(password);
    const result = await writeTransaction(() => createUser({ email, displayName, role, passwordHash }));
    if (!result.ok) throw new CliError(`A user with the email ${email} already exists.`);
    console.log(`Created user #${result.id} ${email} ("${displayName}", ${role}).`);
    if (piped === null) console.log(`Generated password (shown only this once): ${password}`);
  };
};

const setRole: Command = (args) => {
  const { values, positionals } = parseArgs({ args, options: helpOption, allowPositionals: true });
  if (values.help) return "help";
  const [email = "", roleArg = ""] = expectPositionals("set-role", positionals, ["email", "role"]);
  const role = parseRole(roleArg);

  return async () => {
    const user = await requireUser(email);
    if (user.role === role) {
      console.log(`${user.email} is already ${role}; nothing changed.`);
      return;
    }
    const result = await writeTransaction(() => setUserRole({ userId: user.id, role }));
    if (!result.ok && result.reason === "last-admin") {
      throw new CliError(`${user.email} is the only admin and cannot be demoted; make another user admin first.`);
    }
    if (!result.ok) throw new CliError(`No user with the email ${user.email}.`);
    console.log(`Changed the role of ${user.email} from ${user.role} to ${role}.`);
  };
};

const setPassword: Command = (args) => {
  const { values, positionals } = parseArgs({ args, options: helpOption, allowPositionals: true });
  if (values.help) return "help";
  const [email = ""] = expectPositionals("set-password", positionals, ["email"]);
  if (stdinIsTerminal()) {
    throw new CliError(
      `set-password reads the new password from stdin: printf '%s\\n' "$NEW_PASSWORD" | npm run user -- set-password ${email}`,
    );
  }

  return async () => {
    const user = await requireUser(email);
    const password = await readPasswordFromStdin();
    if (password === null) throw new CliError("No password on stdin; pipe the new password in as the first line.");
    refusePassword(password, { email: user.email, displayName: user.displayName });
    const passwordHash = await hashPassword(password);
    const sessionVersion = await writeTransaction(() => setUserPassword({ userId: user.id, passwordHash }));
    if (sessionVersion === null) throw new CliError(`No user with the email ${user.email}.`);
    console.log(`Changed the password of ${user.email}. Their existing sessions have been ended; they must sign in again.`);
  };
};

const ban: Command = (args) => {
  const { values, positionals } = parseArgs({
    args,
    options: { ...helpOption, days: { type: "string" }, reason: { type: "string" } },
    allowPositionals: true,
  });
  if (values.help) return "help";
  const [email = ""] = expectPositionals("ban", positionals, ["email"]);
  const days = values.days === undefined ? null : parseBanDays(values.days);
  const reason = values.reason?.trim() || null;

  return async () => {
    const user = await requireUser(email);
    const now = new Date();
    const until = days === null ? null : new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
    if (!(await writeTransaction(() => banUser({ userId: user.id, reason, until, now })))) throw new CliError(`No user with the email ${user.email}.`);
    const length = until ? `until ${formatDateTime(until)}` : "permanently";
    const replaced = user.ban ? " (this replaces the earlier ban)" : "";
    console.log(`Banned ${user.email} ${length}${replaced}.${reason ? ` Reason: ${reason}` : ""}`);
  };
};

const unban: Command = (args) => {
  const { values, positionals } = parseArgs({ args, options: helpOption, allowPositionals: true });
  if (values.help) return "help";
  const [email = ""] = expectPositionals("unban", positionals, ["email"]);

  return async () => {
    const user = await requireUser(email);
    // Also clears a ban that has already run out.
    await writeTransaction(() => unbanUser({ userId: user.id }));
    console.log(user.ban ? `Unbanned ${user.email}.` : `${user.email} was not banned; nothing to lift.`);
  };
};

async function allUsers(search: string): Promise<UserListItem[]> {
  const byId = new Map<number, UserListItem>();
  for (let page = 1, pageCount = 1; page <= pageCount; page += 1) {
    const result = await listUsers({ search, page });
    for (const user of result.items) byId.set(user.id, user);
    pageCount = result.pageCount;
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

function currentBan(user: UserListItem, now: Date): { until: Date | null } | null {
  if (user.bannedAt === null) return null;
  if (user.bannedUntil !== null && user.bannedUntil.getTime() <= now.getTime()) return null;
  return { until: user.bannedUntil };
}

const list: Command = (args) => {
  const { values, positionals } = parseArgs({
    args,
    options: { ...helpOption, role: { type: "string" }, search: { type: "string" } },
    allowPositionals: true,
  });
  if (values.help) return "help";
  expectPositionals("list", positionals, []);
  const role: UserRole | null = values.role === undefined ? null : parseRole(values.role);
  const search = values.search ?? "";

  return async () => {
    const now = new Date();
    const users = (await allUsers(search)).filter((user) => role === null || user.role === role);
    if (users.length === 0) {
      console.log(role || search ? "No users match." : "No users yet.");
      return;
    }
    const rows = users.map((user) => [
      String(user.id),
      user.email,
      user.displayName,
      user.role,
      formatBan(currentBan(user, now)),
      formatDate(user.createdAt),
    ]);
    console.log(formatTable(["ID", "EMAIL", "NAME", "ROLE", "BANNED", "CREATED"], rows));
  };
};

const resetLink: Command = (args) => {
  const { values, positionals } = parseArgs({ args, options: helpOption, allowPositionals: true });
  if (values.help) return "help";
  const [email = ""] = expectPositionals("reset-link", positionals, ["email"]);

  return async () => {
    const user = await requireUser(email);
    const token = await writeTransaction(() =>
      issueOneTimeToken({ purpose: "password-reset", userId: user.id, validForMs: PASSWORD_RESET_VALID_MS }),
    );
    const { siteUrl } = getConfig();
    console.log(`Password-reset link for ${user.email}:`);
    console.log(`${siteUrl}/reset-password?token=${token}`);
    console.log("It is valid for one hour, once; issuing another link cancels this one.");
    if (!process.env.SITE_URL) console.error(`Note: SITE_URL is not set, so the link points at ${siteUrl}.`);
  };
};

const commands: ReadonlyMap<string, Command> = new Map([
  ["add", add],
  ["set-role", setRole],
  ["set-password", setPassword],
  ["ban", ban],
  ["unban", unban],
  ["list", list],
  ["reset-link", resetLink],
]);

// Runs one command and returns the exit code: 0 on success, 1 on any error (printed on stderr).
export async function runUserCli(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  try {
    if (name === undefined) {
      console.error(usage);
      return 1;
    }
    if (name === "--help" || name === "-h" || name === "help") {
      console.log(usage);
      return 0;
    }
    const command = commands.get(name);
    if (!command) throw new CliError(`Unknown command "${name}". Commands: ${[...commands.keys()].join(", ")}.`);
    const action = command(args);
    if (action === "help") {
      console.log(usage);
      return 0;
    }
    migrateDatabase(getDb().$client);
    await action();
    return 0;
  } catch (error) {
    // Our own refusals, parseArgs' complaints and anything unexpected (an unreadable database)
    // all end the same way: the message on stderr and exit code 1.
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Error: ${message.trim().replace(/\s*\n\s*/g, " ")}`);
    return 1;
  } finally {
    closeDb();
  }
}
