import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSync } from "esbuild";

const root = path.resolve(import.meta.dirname, "../..");
const compiled = new Map<string, string>();

// A TypeScript script (`scripts/user-cli.ts`…) compiled once into one JavaScript file, for tests
// that start it many times: `node --import tsx` costs each start about a second of CPU, plain
// Node a tenth of that. It is the compiler tsx itself uses, on the same source, with packages
// loaded from node_modules as usual (linked beside the compiled file, as is db/migrations, which
// db/migrate.ts finds beside itself through import.meta.url). Removed when the process exits.
export function compiledScript(script: string): string {
  const known = compiled.get(script);
  if (known) return known;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosscurrents-script-"));
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  fs.symlinkSync(path.join(root, "db", "migrations"), path.join(dir, "migrations"));
  const outfile = path.join(dir, `${path.basename(script, ".ts")}.mjs`);
  buildSync({
    entryPoints: [path.join(root, script)],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "warning",
  });
  compiled.set(script, outfile);
  return outfile;
}
