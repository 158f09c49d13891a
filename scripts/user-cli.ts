// `npm run user -- <command>`: manage accounts from the shell, like WP-CLI's `wp user`.
// `npm run user -- --help` lists the commands. Arguments are checked first (scripts/user-cli/parse.ts);
// only then is the data layer loaded and the database opened (scripts/user-cli/actions.ts).
import { parseCommandLine, usage } from "./user-cli/parse";

async function main(argv: readonly string[]): Promise<number> {
  try {
    const plan = parseCommandLine(argv);
    if (plan === "help") {
      console.log(usage);
      return 0;
    }
    const { runPlan } = await import("./user-cli/actions");
    await runPlan(plan);
    return 0;
  } catch (error) {
    // Refusals, parseArgs' complaints and anything unexpected (an unreadable database, a bad
    // setting) all end the same way: one line on stderr and exit code 1.
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Error: ${message.trim().replace(/\s*\n\s*/g, " ")}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
