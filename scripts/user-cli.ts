// `npm run user -- <command>`: manage accounts from the shell, like WP-CLI's `wp user`.
// Run `npm run user -- --help` for the commands; the work is in scripts/user-cli/.
import { runUserCli } from "./user-cli/commands";

process.exitCode = await runUserCli(process.argv.slice(2));
