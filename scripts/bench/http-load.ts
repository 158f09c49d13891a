import { spawnSync } from "node:child_process";
import autocannon from "autocannon";

export type LoadSettings = { url: string; connections: number; threads: number; durationSeconds: number; headers: Record<string, string> };
export type LoadResult = { requestsPerSecond: number; p50Ms: number; p99Ms: number; requests: number; failures: number };

export const WRK = "/usr/bin/wrk";

function milliseconds(value: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(value);
  if (!match) throw new Error(`Unreadable wrk latency: ${value}`);
  const factor = { us: 0.001, ms: 1, s: 1000, m: 60_000 }[match[2] as "us" | "ms" | "s" | "m"];
  return Number(match[1]) * factor;
}

// wrk (C, one thread per core) loads the server without the load generator itself becoming the
// bottleneck, as a JavaScript client would against nginx.
export function runWrk(settings: LoadSettings): LoadResult {
  const args = [
    `-t${settings.threads}`,
    `-c${settings.connections}`,
    `-d${settings.durationSeconds}s`,
    "--latency",
    ...Object.entries(settings.headers).flatMap(([name, value]) => ["-H", `${name}: ${value}`]),
    settings.url,
  ];
  const run = spawnSync(WRK, args, { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr}`);
  const out = run.stdout;
  const field = (pattern: RegExp) => pattern.exec(out)?.[1];
  const requests = Number(field(/(\d+) requests in/) ?? 0);
  const non2xx = Number(field(/Non-2xx or 3xx responses: (\d+)/) ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  return {
    requestsPerSecond: Number(field(/Requests\/sec:\s+([\d.]+)/) ?? 0),
    p50Ms: milliseconds(field(/^\s+50%\s+(\S+)/m) ?? "0ms"),
    p99Ms: milliseconds(field(/^\s+99%\s+(\S+)/m) ?? "0ms"),
    requests,
    failures: non2xx + errors,
  };
}

export async function runAutocannon(settings: LoadSettings): Promise<LoadResult> {
  const result = await autocannon({
    url: settings.url,
    connections: settings.connections,
    duration: settings.durationSeconds,
    headers: settings.headers,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
