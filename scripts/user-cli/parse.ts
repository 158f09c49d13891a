import { parseArgs } from "node:util";
import type { UserRole } from "../../db/schema";
import { CliError, parseBanDays, parseBanReason, parseDisplayName, parseEmail, parseRole, roles, stdinIsTerminal } from "./support";

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

Roles: ${roles.join(", ")}.
The database is DATABASE_PATH (default data/site.db). It is migrated first, never seeded.`;

// What to do, checked as far as possible without the database.
export type Plan =
  | { command: "add"; email: string; displayName: string; role: UserRole }
  | { command: "set-role"; email: string; role: UserRole }
  | { command: "set-password"; email: string }
  | { command: "ban"; email: string; days: number | null; reason: string | null }
  | { command: "unban"; email: string }
  | { command: "list"; role: UserRole | null; search: string }
  | { command: "reset-link"; email: string };

const helpOption = { help: { type: "boolean", short: "h" } } as const;

function expectPositionals(command: string, positionals: string[], names: readonly string[]): string[] {
  if (positionals.length < names.length) {
    const missing = names.slice(positionals.length).map((name) => `<${name}>`);
    throw new CliError(`${command} needs ${missing.join(" and ")}. Run with --help for usage.`);
  }
  if (positionals.length > names.length) {
    const expected = names.map((name) => `<${name}>`).join(" ") || "no arguments";
    throw new CliError(`${command} takes ${expected}; unexpected "${positionals[names.length]}".`);
  }
  return positionals;
}

type Parser = (args: string[]) => Plan | "help";

const parsers: ReadonlyMap<string, Parser> = new Map<string, Parser>([
  [
    "add",
    (args) => {
      const { values, positionals } = parseArgs({
        args,
        options: { ...helpOption, name: { type: "string" }, role: { type: "string" } },
        allowPositionals: true,
      });
      if (values.help) return "help";
      const [emailArg = ""] = expectPositionals("add", positionals, ["email"]);
      const email = parseEmail(emailArg);
      if (values.name === undefined) throw new CliError('add needs --name "<display name>".');
      return { command: "add", email, displayName: parseDisplayName(values.name), role: parseRole(values.role ?? "reader") };
    },
  ],
  [
    "set-role",
    (args) => {
      const { values, positionals } = parseArgs({ args, options: helpOption, allowPositionals: true });
      if (values.help) return "help";
      const [email = "", role = ""] = expectPositionals("set-role", positionals, ["email", "role"]);
      return { command: "set-role", email, role: parseRole(role) };
    },
  ],
  [
    "set-password",
    (args) => {
      const { values, positionals } = parseArgs({ args, options: helpOption, allowPositionals: true });
      if (values.help) return "help";
      const [email = ""] = expectPositionals("set-password", positionals, ["email"]);
      if (stdinIsTerminal()) {
        throw new CliError(
          `set-password reads the new password from stdin: printf '%s\\n' "$NEW_PASSWORD" | npm run user -- set-password ${email}`,
        );
      }
      return { command: "set-password", email };
    },
  ],
  [
    "ban",
    (args) => {
      const { values, positionals } = parseArgs({
        args,
        options: { ...helpOption, days: { type: "string" }, reason: { type: "string" } },
        allowPositionals: true,
      });
      if (values.help) return "help";
      const [email = ""] = expectPositionals("ban", positionals, ["email"]);
      const days = values.days === undefined ? null : parseBanDays(values.days);
      return { command: "ban", email, days, reason: parseBanReason(values.reason) };
    },
  ],
  [
    "unban",
    (args) => {
      const { values, positionals } = parseArgs({ args, options: helpOption, allowPositionals: true });
      if (values.help) return "help";
      const [email = ""] = expectPositionals("unban", positionals, ["email"]);
      return { command: "unban", email };
    },
  ],
  [
    "list",
    (args) => {
      const { values, positionals } = parseArgs({
        args,
        options: { ...helpOption, role: { type: "string" }, search: { type: "string" } },
        allowPositionals: true,
      });
      if (values.help) return "help";
      expectPositionals("list", positionals, []);
      return { command: "list", role: values.role === undefined ? null : parseRole(values.role), search: values.search ?? "" };
    },
  ],
  [
    "reset-link",
    (args) => {
      const { values, positionals } = parseArgs({ args, options: helpOption, allowPositionals: true });
      if (values.help) return "help";
      const [email = ""] = expectPositionals("reset-link", positionals, ["email"]);
      return { command: "reset-link", email };
    },
  ],
]);

// The command line (without `node script`) as a plan, or "help". Throws CliError, or parseArgs'
// own TypeError for unknown options and missing option values.
export function parseCommandLine(argv: readonly string[]): Plan | "help" {
  const [name, ...args] = argv;
  if (name === undefined) throw new CliError(`No command given. Commands: ${[...parsers.keys()].join(", ")}. Try --help.`);
  if (name === "--help" || name === "-h" || name === "help") return "help";
  const parser = parsers.get(name);
  if (!parser) throw new CliError(`Unknown command "${name}". Commands: ${[...parsers.keys()].join(", ")}.`);
  return parser(args);
}
