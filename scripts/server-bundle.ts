import fs from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";

// The cluster workers' code (lib/server/cluster-worker.ts and what it imports from lib/ and db/),
// compiled to one JavaScript file at build time, so that workers run on plain Node: loading
// TypeScript through tsx costs each process about 37 MB of resident memory. Packages stay
// external, loaded from node_modules as usual. esbuild is the compiler tsx itself uses.
export const SERVER_WORKER_BUNDLE = path.join(".next", "server-worker", "cluster-worker.mjs");

export function bundleServerWorker(): void {
  fs.rmSync(path.dirname(SERVER_WORKER_BUNDLE), { recursive: true, force: true });
  buildSync({
    entryPoints: ["lib/server/cluster-worker.ts"],
    outfile: SERVER_WORKER_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: "tsconfig.json",
    logLevel: "warning",
  });
}
