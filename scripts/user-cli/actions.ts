import { closeDb, getDb } from "../../db/client";
import { migrateWithBackup } from "../../lib/backups/migrate-with-backup";
import { createUser, getSessionUserByEmail, normaliseEmail, setUserPassword, type SessionUser } from "../../db/queries/auth-users";
import { issueOneTimeToken } from "../../db/queries/one-time-tokens";
import { banUser, listUsers, setUserRole, unbanUser, type UserListItem } from "../../db/queries/user-admin";
import { hashPassword, passwordProblem } from "../../lib/auth/passwords";
import { getConfig } from "../../lib/config";
import type { Plan } from "./parse";
import {
  CliError,
  formatBan,
  formatDate,
  formatDateTime,
  formatTable,
  generatePassword,
  readPasswordFromStdin,
  stdinIsTerminal,
} from "./support";

// As the admin screen's reset links (app/(studio)/admin/users/actions.ts).
const PASSWORD_RESET_VALID_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

async function requireUser(email: string): Promise<SessionUser> {
  const user = await getSessionUserByEmail({ email });
  if (!user) throw new CliError(`No user with the email ${normaliseEmail(email)}.`);
  return user;
}

function refusePassword(password: string, context: { email: string; displayName: string }): void {
  const problem = passwordProblem(password, context);
  if (problem) throw new CliError(`Password refused: ${problem}`);
}

async function add({ email, displayName, role }: Extract<Plan, { command: "add" }>): Promise<void> {
  // Checked before reading or hashing a password; createUser checks again atomically.
  if (await getSessionUserByEmail({ email })) throw new CliError(`A user with the email ${email} already exists.`);
  const piped = stdinIsTerminal() ? null : await readPasswordFromStdin();
  let password = piped ?? generatePassword();
  if (piped !== null) refusePassword(password, { email, displayName });
  // A random password essentially never fails the checks; draw again if it ever does.
  while (passwordProblem(password, { email, displayName })) password = generatePassword();

  const passwordHash = await hashPassword(password);
  const result = await createUser({ email, displayName, role, passwordHash });
  if (!result.ok) throw new CliError(`A user with the email ${email} already exists.`);
  console.log(`Created user #${result.id} ${email} ("${displayName}", ${role}).`);
  if (piped === null) console.log(`Generated password (shown only this once): ${password}`);
}

async function setRole({ email, role }: Extract<Plan, { command: "set-role" }>): Promise<void> {
  const user = await requireUser(email);
  if (user.role === role) {
    console.log(`${user.email} is already ${role}; nothing changed.`);
    return;
  }
  const result = await setUserRole({ userId: user.id, role });
  if (!result.ok && result.reason === "last-admin") {
    throw new CliError(`${user.email} is the only admin and cannot be demoted; make another user admin first.`);
  }
  if (!result.ok) throw new CliError(`No user with the email ${user.email}.`);
  console.log(`Changed the role of ${user.email} from ${user.role} to ${role}.`);
}

async function setPassword({ email }: Extract<Plan, { command: "set-password" }>): Promise<void> {
  const user = await requireUser(email);
  const password = await readPasswordFromStdin();
  if (password === null) throw new CliError("No password on stdin; pipe the new password in as the first line.");
  refusePassword(password, { email: user.email, displayName: user.displayName });
  const passwordHash = await hashPassword(password);
  const sessionVersion = await setUserPassword({ userId: user.id, passwordHash });
  if (sessionVersion === null) throw new CliError(`No user with the email ${user.email}.`);
  console.log(`Changed the password of ${user.email}. Their existing sessions have been ended; they must sign in again.`);
}

async function ban({ email, days, reason }: Extract<Plan, { command: "ban" }>): Promise<void> {
  const user = await requireUser(email);
  const now = new Date();
  const until = days === null ? null : new Date(now.getTime() + days * DAY_MS);
  const banned = await banUser({ userId: user.id, reason, until, now });
  if (!banned) throw new CliError(`No user with the email ${user.email}.`);
  const length = until ? `until ${formatDateTime(until)}` : "permanently";
  const replaced = user.ban ? " (this replaces the earlier ban)" : "";
  console.log(`Banned ${user.email} ${length}${replaced}.${reason ? ` Reason: ${reason}` : ""}`);
}

async function unban({ email }: Extract<Plan, { command: "unban" }>): Promise<void> {
  const user = await requireUser(email);
  // Also clears a ban that has already run out.
  await unbanUser({ userId: user.id });
  console.log(user.ban ? `Unbanned ${user.email}.` : `${user.email} was not banned; nothing to lift.`);
}

async function allUsers(search: string): Promise<UserListItem[]> {
  const byId = new Map<number, UserListItem>();
  for (let page = 1, pageCount = 1; page <= pageCount; page += 1) {
    const result = await listUsers({ search, page });
    for (const user of result.items) byId.set(user.id, user);
    pageCount = result.pageCount;
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

// As getSessionUserByEmail sees it: a ban whose end has passed is no ban.
function currentBan(user: UserListItem, now: Date): { until: Date | null } | null {
  if (user.bannedAt === null) return null;
  if (user.bannedUntil !== null && user.bannedUntil.getTime() <= now.getTime()) return null;
  return { until: user.bannedUntil };
}

async function list({ role, search }: Extract<Plan, { command: "list" }>): Promise<void> {
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
}

async function resetLink({ email }: Extract<Plan, { command: "reset-link" }>): Promise<void> {
  const user = await requireUser(email);
  const token = await issueOneTimeToken({ purpose: "password-reset", userId: user.id, validForMs: PASSWORD_RESET_VALID_MS });
  const { siteUrl } = getConfig();
  console.log(`Password-reset link for ${user.email}:`);
  console.log(`${siteUrl}/reset-password?token=${encodeURIComponent(token)}`);
  console.log("It is valid for one hour, once; issuing another link cancels this one.");
  if (!process.env.SITE_URL) console.error(`Note: SITE_URL is not set, so the link points at ${siteUrl}.`);
}

function perform(plan: Plan): Promise<void> {
  switch (plan.command) {
    case "add":
      return add(plan);
    case "set-role":
      return setRole(plan);
    case "set-password":
      return setPassword(plan);
    case "ban":
      return ban(plan);
    case "unban":
      return unban(plan);
    case "list":
      return list(plan);
    case "reset-link":
      return resetLink(plan);
  }
}

// Opens DATABASE_PATH, applies pending migrations (so a fresh clone works before `npm start`;
// backed up first, as at start-up), carries out the plan and closes the database so the process
// exits promptly.
export async function runPlan(plan: Plan): Promise<void> {
  try {
    const { backupFolder } = migrateWithBackup(getDb().$client, getConfig());
    if (backupFolder) console.error(`Backed up the database to ${backupFolder} before migrating it.`);
    await perform(plan);
  } finally {
    closeDb();
  }
}
