import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type SpawnedServer = {
  baseUrl: string;
  process: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
};

// Starts another production server the way `npm start` does (the build already exists).
export async function spawnServer({
  port,
  env = {},
}: {
  port: number;
  env?: Record<string, string>;
}): Promise<SpawnedServer> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", SITE_URL: baseUrl, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Server exited early:\n${output}`);
    // Started means "Serving …" is printed, once every process listens: with WEB_CONCURRENCY above
    // 1 the first worker answers before the others are ready (and before that line is printed).
    if (output.includes("Serving ")) {
      try {
        const response = await fetch(`${baseUrl}/`);
        if (response.status < 500) break;
      } catch {
        // not answering yet
      }
    }
    if (Date.now() > deadline) throw new Error(`Server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl,
    process: child,
    output: () => output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

export function makeTempDataDir(): { dir: string; databasePath: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosscurrents-e2e-"));
  return { dir, databasePath: path.join(dir, "site.db"), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
