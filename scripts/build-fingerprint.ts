import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { bundleServerWorker, SERVER_WORKER_BUNDLE } from "./server-bundle";

// What `next build` reads. A change to any of it makes the build stale.
const sourceRoots = ["app", "components", "lib", "db", "public"];
const sourceFiles = ["next.config.ts", "instrumentation.ts", "tsconfig.json", "package-lock.json", "postcss.config.mjs"];
const fingerprintFile = path.join(".next", "source-fingerprint");

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

export function computeSourceFingerprint(): string {
  const hash = createHash("sha256");
  const files = [...sourceRoots.flatMap(listFiles), ...sourceFiles.filter((file) => fs.existsSync(file))].sort();
  for (const file of files) {
    hash.update(file).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

export function isBuildCurrent(): boolean {
  if (!fs.existsSync(path.join(".next", "BUILD_ID")) || !fs.existsSync(fingerprintFile)) return false;
  if (!fs.existsSync(SERVER_WORKER_BUNDLE)) return false;
  return fs.readFileSync(fingerprintFile, "utf8").trim() === computeSourceFingerprint();
}

export function runNextBuild(): void {
  const fingerprint = computeSourceFingerprint();
  const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
  bundleServerWorker();
  fs.writeFileSync(fingerprintFile, `${fingerprint}\n`);
}
