// `npm run bench`: the anonymous page path against nginx serving the same bytes, then comment
// posting through the real HTTP path. Everything runs on a throwaway copy of the demo database.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { seedArticleSlug } from "../db/demo/seed-article";
import { benchCommentPosting } from "./bench/comment-posting";
import { ensureDebianTool } from "./bench/debian-tools";
import { runAutocannon, runWrk, WRK, type LoadResult, type LoadSettings } from "./bench/http-load";
import { NGINX, startStaticNginx } from "./bench/nginx";
import { cpuMilliseconds, peakMemory, processTree, type ProcessMemory } from "./bench/process-memory";
import { isBuildCurrent, runNextBuild } from "./build-fingerprint";

const durationSeconds = Number(process.env.BENCH_DURATION ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const warmupSeconds = Number(process.env.BENCH_WARMUP ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const port = Number(process.env.BENCH_PORT ?? 3310);
const nginxPort = port + 1;
const postDurationSeconds = Number(process.env.BENCH_POST_DURATION ?? 10);
const postSessions = Number(process.env.BENCH_POST_SESSIONS ?? 50);
const pagePath = `/articles/${seedArticleSlug}`;
const baseUrl = `http://127.0.0.1:${port}`;
const acceptEncoding = "gzip, deflate, br";
// BENCH_PARTS=pages or BENCH_PARTS=posting runs one half only.
const parts = new Set((process.env.BENCH_PARTS ?? "pages,posting").split(","));

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

function printTable(rows: string[][]): void {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd());
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

// Throughput is the median of the rounds (as the issue measured it), latency the worst round's.
function summarise(results: LoadResult[]): LoadResult & { meanRequestsPerSecond: number } {
  const sum = (pick: (result: LoadResult) => number) => results.reduce((total, result) => total + pick(result), 0);
  return {
    requestsPerSecond: median(results.map((result) => result.requestsPerSecond)),
    meanRequestsPerSecond: sum((result) => result.requestsPerSecond) / results.length,
    p50Ms: Math.max(...results.map((result) => result.p50Ms)),
    p99Ms: Math.max(...results.map((result) => result.p99Ms)),
    requests: sum((result) => result.requests),
    failures: sum((result) => result.failures),
  };
}

function memoryLines(label: string, memory: ProcessMemory[]): string[][] {
  return memory.map((entry) => [label, String(entry.pid), entry.name, `${(entry.peakRssKb / 1024).toFixed(0)} MB`]);
}

if (!isBuildCurrent()) {
  console.log("Building the production bundle first…");
  runNextBuild();
}
const useWrk = ensureDebianTool(WRK, "wrk");
const haveNginx = ensureDebianTool(NGINX, "nginx-light");

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "crosscurrents-bench-"));
const databasePath = path.join(workDir, "site.db");
const serverLog = path.join(workDir, "server.log");
const logStream = fs.openSync(serverLog, "w");
// Production logging: the server's JSON log goes to a file, as a process manager would keep it.
// BENCH_NODE_ARGS adds Node options to the server (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
const benchCommentRateLimit = "1000000";
const extraNodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
const server = spawn(process.execPath, [...extraNodeArgs, "--import", "tsx", "scripts/start.ts"], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    LOG_LEVEL: "info",
    DATABASE_PATH: databasePath,
    PORT: String(port),
    HOST: "127.0.0.1",
    SITE_URL: baseUrl,
    // Every bench session posts from 127.0.0.1; benchCommentPosting prints this change.
    COMMENT_RATE_LIMIT: benchCommentRateLimit,
  },
  stdio: ["ignore", logStream, "inherit"],
});
let nginx: Awaited<ReturnType<typeof startStaticNginx>> | undefined;

try {
  if (server.pid === undefined) throw new Error("The server did not start");
  const serverPid = server.pid;
  await waitUntilServing(`${baseUrl}${pagePath}`, 120_000);
  // Each server process renders and stores the page on its first request for it; the rounds
  // measure what readers get after (a few requests on fresh connections reach every process).
  let page = await rawPage(`${baseUrl}${pagePath}`);
  for (let i = 0; i < 8; i += 1) page = await rawPage(`${baseUrl}${pagePath}`);
  const encoding = page.headers["content-encoding"] ?? null;
  const rawBody = page.body;

  let oursSummary: ReturnType<typeof summarise> | undefined;
  if (parts.has("pages")) {
    if (haveNginx) {
      nginx = await startStaticNginx({
        dir: path.join(workDir, "nginx"),
        port: nginxPort,
        urlPath: pagePath,
        body: rawBody,
        contentType: page.headers["content-type"] ?? "text/html; charset=utf-8",
        contentEncoding: encoding,
      });
    }

    const settings = (url: string): LoadSettings => ({
      url,
      connections,
      threads: Math.min(2, os.availableParallelism()),
      durationSeconds,
      headers: { "accept-encoding": acceptEncoding },
    });
    const load = (url: string, seconds = durationSeconds) => {
      const loadSettings = { ...settings(url), durationSeconds: seconds };
      return useWrk ? Promise.resolve(runWrk(loadSettings)) : runAutocannon(loadSettings);
    };
    const tool = useWrk ? `wrk -t${settings("").threads} -c${connections} -d${durationSeconds}s` : `autocannon -c ${connections} -d ${durationSeconds}`;
    console.log(`Page: ${pagePath} (${rawBody.length} bytes, Content-Encoding ${encoding ?? "none"})`);
    console.log(`Load: ${tool}, Accept-Encoding "${acceptEncoding}", ${rounds} alternating rounds each, after ${warmupSeconds} s of unmeasured load on each`);
    // Both servers get the same warm-up: what the rounds measure is steady serving, not V8 still
    // compiling the hot path (the first seconds of a fresh process are slower for that alone).
    if (warmupSeconds > 0) {
      await load(`${baseUrl}${pagePath}`, warmupSeconds);
      if (nginx) await load(`http://127.0.0.1:${nginxPort}${pagePath}`, warmupSeconds);
    }

    const ours: LoadResult[] = [];
    const ourCpu: number[] = [];
    const theirCpu: number[] = [];
    const theirs: LoadResult[] = [];
    const roundRows: string[][] = [["round", "server", "requests/s", "p50", "p99", "failed"]];
    for (let round = 1; round <= rounds; round += 1) {
      const targets: [string, string, LoadResult[]][] = [["crosscurrents", `${baseUrl}${pagePath}`, ours]];
      if (nginx) targets.push(["nginx", `http://127.0.0.1:${nginxPort}${pagePath}`, theirs]);
      for (const [name, url, results] of round % 2 === 0 ? targets.reverse() : targets) {
        const pids = name === "nginx" && nginx?.process.pid ? processTree(nginx.process.pid) : processTree(serverPid);
        const cpuBefore = cpuMilliseconds(pids);
        const result = await load(url);
        const cpuPerRequest = (cpuMilliseconds(pids) - cpuBefore) / Math.max(1, result.requests);
        (name === "nginx" ? theirCpu : ourCpu).push(cpuPerRequest);
        results.push(result);
        roundRows.push([String(round), name, result.requestsPerSecond.toFixed(0), `${result.p50Ms.toFixed(1)} ms`, `${result.p99Ms.toFixed(1)} ms`, String(result.failures)]);
      }
    }
    console.log("");
    printTable(roundRows);

    const summaryRows: string[][] = [["server", "requests/s (median)", "requests/s (mean)", "p50 (worst)", "p99 (worst)", "failed"]];
    const summaryRow = (name: string, summary: ReturnType<typeof summarise>) => [
      name,
      summary.requestsPerSecond.toFixed(0),
      summary.meanRequestsPerSecond.toFixed(0),
      `${summary.p50Ms.toFixed(1)} ms`,
      `${summary.p99Ms.toFixed(1)} ms`,
      String(summary.failures),
    ];
    oursSummary = summarise(ours);
    summaryRows.push(summaryRow("crosscurrents", oursSummary));
    const theirsSummary = theirs.length > 0 ? summarise(theirs) : undefined;
    if (theirsSummary) summaryRows.push(summaryRow("nginx (static file)", theirsSummary));
    console.log("");
    printTable(summaryRows);
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
    console.log(`server CPU per request: crosscurrents ${(mean(ourCpu) * 1000).toFixed(0)} µs${theirCpu.length ? `, nginx ${(mean(theirCpu) * 1000).toFixed(0)} µs` : ""} (all its processes, user + system)`);
    if (theirsSummary) {
      console.log(
        `ratio (crosscurrents / nginx requests/s): ${(oursSummary.requestsPerSecond / theirsSummary.requestsPerSecond).toFixed(2)} of the medians, ${(oursSummary.meanRequestsPerSecond / theirsSummary.meanRequestsPerSecond).toFixed(2)} of the means`,
      );
    }
  }

  let storedOnce = true;
  let otherPostResponses = 0;
  if (parts.has("posting")) {
    console.log("");
    console.log("Comment posting (JavaScript-off form: urlencoded POST to its endpoint with a session, answered 303)…");
    const posting = await benchCommentPosting({
      baseUrl,
      databasePath,
      articleSlug: seedArticleSlug,
      sessions: postSessions,
      connections,
      durationSeconds: postDurationSeconds,
      serverCpuMs: () => cpuMilliseconds(processTree(serverPid)),
      commentRateLimit: benchCommentRateLimit,
    });
    for (const setting of posting.settingsChanged) console.log(`changed: ${setting}`);
    printTable([
      ["sessions", "connections", "duration", "accepted (303)", "accepted/s", "p50", "p99", "other responses", "errors", "rows stored", "distinct rows"],
      [
        String(posting.sessions),
        String(connections),
        `${postDurationSeconds} s`,
        String(posting.accepted),
        posting.acceptedPerSecond.toFixed(0),
        `${posting.p50Ms} ms`,
        `${posting.p99Ms} ms`,
        JSON.stringify(posting.otherResponses),
        String(posting.errors),
        String(posting.rowsStored),
        String(posting.distinctRowsStored),
      ],
    ]);
    storedOnce = posting.rowsStored === posting.accepted && posting.distinctRowsStored === posting.rowsStored;
    otherPostResponses = Object.keys(posting.otherResponses).length + posting.errors;
    console.log(`server CPU per accepted post: ${(posting.serverCpuMs / Math.max(1, posting.accepted)).toFixed(2)} ms (all server processes, while the posts ran)`);
    console.log(storedOnce ? "Every accepted comment is stored exactly once." : "MISMATCH between accepted posts and stored rows!");
  }

  console.log("");
  console.log("Peak resident memory (VmHWM) per process:");
  const memoryRows = [["server", "pid", "process", "peak RSS"], ...memoryLines("crosscurrents", peakMemory(processTree(serverPid)))];
  if (nginx?.process.pid) memoryRows.push(...memoryLines("nginx", peakMemory(processTree(nginx.process.pid))));
  printTable(memoryRows);
  const logLines = fs.readFileSync(serverLog, "utf8").split("\n").filter(Boolean).length;
  console.log(`Server log: ${logLines} lines (uncached requests one by one, page-cache hit counts every 60 s).`);
  // Errors the server logged (a refused post answered 200 says why only here).
  const errorLines = fs.readFileSync(serverLog, "utf8").split("\n").filter((line) => /"level":(50|60)/.test(line));
  if (errorLines.length > 0) console.log(`Server errors logged: ${errorLines.length}; first: ${errorLines[0]?.slice(0, 400)}`);
  console.log(`cpus: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown"}; load average ${os.loadavg().map((n) => n.toFixed(1)).join(" ")}`);
  if ((oursSummary?.failures ?? 0) > 0 || !storedOnce || otherPostResponses > 0) process.exitCode = 1;
} finally {
  await nginx?.stop();
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  fs.closeSync(logStream);
  fs.rmSync(workDir, { recursive: true, force: true });
}

// The body exactly as the server sends it to a client accepting compression (fetch would decode
// it), each time on a new connection, so that the requests reach every server process.
async function rawPage(url: string): Promise<{ body: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": acceptEncoding }, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ body: Buffer.concat(chunks), headers: res.headers }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}
