import crypto from "node:crypto";
import { z } from "zod";
import type { UserRole } from "../../db/schema";

// A problem with what the operator typed or asked for: printed as one line, exit code 1.
export class CliError extends Error {}

// The roles of db/schema.ts, repeated so that checking arguments (and --help) does not load
// Drizzle. `satisfies` rejects an unknown role here; `_everyRole` fails to compile if one is missing.
export const roles = ["reader", "author", "moderator", "admin"] as const satisfies readonly UserRole[];
const _everyRole: Exclude<UserRole, (typeof roles)[number]> extends never ? true : never = true;

export function parseRole(value: string): UserRole {
  const role = roles.find((candidate) => candidate === value.trim().toLowerCase());
  if (!role) throw new CliError(`Unknown role "${value}". Use one of: ${roles.join(", ")}.`);
  return role;
}

// The same limits as registration (app/(auth)/register/actions.ts).
export const MAX_EMAIL_LENGTH = 320;
export const MAX_DISPLAY_NAME_LENGTH = 60;

export function parseEmail(value: string): string {
  const email = value.trim().toLowerCase();
  if (email.length > MAX_EMAIL_LENGTH || !z.email().safeParse(email).success) {
    throw new CliError(`"${value}" is not a valid email address.`);
  }
  return email;
}

export function parseDisplayName(value: string): string {
  const name = value.trim();
  const { length } = name;
  if (length === 0) throw new CliError("The display name must not be empty.");
  if (length > MAX_DISPLAY_NAME_LENGTH) {
    throw new CliError(`The display name is ${length} characters long; use at most ${MAX_DISPLAY_NAME_LENGTH}.`);
  }
  if (/\p{Cc}/u.test(name)) throw new CliError("The display name must not contain control characters.");
  return name;
}

export const MAX_BAN_DAYS = 36_500;
// As in the admin screen's ban form (app/(studio)/admin/users/actions.ts).
export const MAX_BAN_REASON_LENGTH = 500;

// A blank reason is no reason.
export function parseBanReason(value: string | undefined): string | null {
  const reason = value?.trim() ?? "";
  if (reason.length > MAX_BAN_REASON_LENGTH) {
    throw new CliError(`The ban reason is ${reason.length} characters long; use at most ${MAX_BAN_REASON_LENGTH}.`);
  }
  return reason || null;
}

export function parseBanDays(value: string): number {
  if (!/^[0-9]+$/.test(value.trim())) throw new CliError(`--days must be a whole number of days, not "${value}".`);
  const days = Number(value.trim());
  if (days < 1 || days > MAX_BAN_DAYS) throw new CliError(`--days must be between 1 and ${MAX_BAN_DAYS}.`);
  return days;
}

// 15 random bytes are 20 base64url characters (120 bits).
export function generatePassword(): string {
  return crypto.randomBytes(15).toString("base64url");
}

export function stdinIsTerminal(): boolean {
  return process.stdin.isTTY === true;
}

// The first line of whatever is piped in, without its line ending; null when nothing at all
// was piped (an empty stream, as from /dev/null).
export async function readPasswordFromStdin(): Promise<string | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.length === 0) return null;
  return text.split(/\r?\n/, 1)[0] ?? "";
}

// Dates are shown in UTC with the zone spelled out, so they read the same on any machine.
export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function formatDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function formatBan(ban: { until: Date | null } | null): string {
  if (!ban) return "no";
  return ban.until ? `until ${formatDateTime(ban.until)}` : "permanent";
}

// Left-aligned columns separated by two spaces; the last column is not padded.
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max([...title].length, ...rows.map((row) => [...(row[column] ?? "")].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell + " ".repeat((widths[column] ?? 0) - [...cell].length)))
      .join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}
