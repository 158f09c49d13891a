// `npm run bench`: serves the seed article page from the production build on a throwaway copy of
// the demo database and loads it with autocannon, printing throughput, latency and peak memory.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { seedArticleSlug } from "../db/demo/seed-article";
import { isBuildCurrent, runNextBuild } from "./build-fingerprint";

const durationSeconds = Number(process.env.BENCH_DURATION ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const port = Number(process.env.BENCH_PORT ?? 3310);
const pagePath = `/articles/${seedArticleSlug}`;
const baseUrl = `http://127.0.0.1:${port}`;

function readStatusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  return match ? Number(match[1]) : 0;
}

async function waitUntilServing(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer ${url} within ${timeoutMs} ms`);
}

if (!isBuildCurrent()) {
  console.log("Building the production bundle first…");
  runNextBuild();
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "crosscurrents-bench-"));
const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_PATH: path.join(workDir, "site.db"),
    PORT: String(port),
    HOST: "127.0.0.1",
    SITE_URL: baseUrl,
  },
  stdio: ["ignore", "ignore", "inherit"],
});

try {
  if (server.pid === undefined) throw new Error("The server did not start");
  const serverPid = server.pid;
  await waitUntilServing(`${baseUrl}${pagePath}`, 60_000);
  // The first request renders and stores the page; the run measures what readers get after.
  await fetch(`${baseUrl}${pagePath}`);

  let peakRssKb = readStatusKb(serverPid, "VmRSS");
  const sampler = setInterval(() => {
    peakRssKb = Math.max(peakRssKb, readStatusKb(serverPid, "VmRSS"));
  }, 200);
  console.log(`Loading ${pagePath} for ${durationSeconds} s with ${connections} connections…`);
  const result = await autocannon({
    url: `${baseUrl}${pagePath}`,
    connections,
    duration: durationSeconds,
    headers: { "accept-encoding": "gzip, deflate, br" },
  });
  clearInterval(sampler);
  peakRssKb = Math.max(peakRssKb, readStatusKb(serverPid, "VmHWM"));

  const non2xx = result.non2xx + result.errors + result.timeouts;
  const rows: [string, string][] = [
    ["page", pagePath],
    ["connections", String(connections)],
    ["duration", `${durationSeconds} s`],
    ["requests/s (mean)", result.requests.average.toFixed(0)],
    ["latency p50", `${result.latency.p50} ms`],
    ["latency p99", `${result.latency.p99} ms`],
    ["latency max", `${result.latency.max} ms`],
    ["requests", String(result.requests.total)],
    ["non-2xx, errors, timeouts", String(non2xx)],
    ["server peak RSS", `${(peakRssKb / 1024).toFixed(0)} MB`],
    ["cpus", `${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown"}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log("");
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
  if (non2xx > 0) process.exitCode = 1;
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  fs.rmSync(workDir, { recursive: true, force: true });
}
