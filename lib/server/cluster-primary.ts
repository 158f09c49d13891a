import cluster, { type Worker } from "node:cluster";
import fs from "node:fs";
import path from "node:path";
import type { AppConfig } from "../config";
import { logger } from "../logger";

const RESTART_DELAY_MS = 1000;
const SHUTDOWN_GRACE_MS = 12_000;

// `npm run build` compiles the worker to plain JavaScript (scripts/server-bundle.ts): workers then
// run without tsx, each saving the memory of a TypeScript loader. Without that file (a build from
// before it existed), workers load the TypeScript source through tsx like the primary.
function workerEntry(): { exec: string; execArgv: string[] } {
  const bundle = path.join(process.cwd(), ".next", "server-worker", "cluster-worker.mjs");
  if (!fs.existsSync(bundle)) return { exec: path.join(import.meta.dirname, "cluster-worker.ts"), execArgv: process.execArgv };
  const execArgv = process.execArgv.filter(
    (arg, index, all) => !(arg === "--import" && all[index + 1] === "tsx") && !(arg === "tsx" && all[index - 1] === "--import"),
  );
  return { exec: bundle, execArgv };
}

export type ServerCluster = { ready: Promise<void>; close(): Promise<void> };

// Forks `config.webConcurrency` serving processes that share the port (the kernel hands each new
// connection to one of them). A worker that dies unexpectedly is replaced. Workers need nothing
// from the primary: each opens the database and learns of every write through the invalidation log.
export function startServerCluster(config: AppConfig): ServerCluster {
  cluster.setupPrimary(workerEntry());
  let closing = false;
  const workers = new Set<Worker>();

  const fork = (): Worker => {
    const worker = cluster.fork();
    workers.add(worker);
    worker.once("exit", (code, signal) => {
      workers.delete(worker);
      if (closing) return;
      logger.error({ event: "worker-exit", workerPid: worker.process.pid, code, signal }, "A server worker exited; starting another.");
      setTimeout(() => {
        if (!closing) fork();
      }, RESTART_DELAY_MS).unref();
    });
    return worker;
  };

  const initial = Array.from({ length: config.webConcurrency }, fork);
  const ready = Promise.all(
    initial.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.once("listening", () => resolve());
          worker.once("exit", (code) => reject(new Error(`Server worker exited with code ${code} before listening`)));
        }),
    ),
  ).then(
    () => undefined,
    (error: unknown) => {
      // A worker that cannot even start (no build, bad configuration) would only fail again.
      closing = true;
      for (const worker of workers) worker.process.kill("SIGTERM");
      throw error;
    },
  );

  return {
    ready,
    close() {
      closing = true;
      const exits = [...workers].map((worker) => new Promise<void>((resolve) => {
        if (worker.isDead()) return resolve();
        worker.once("exit", () => resolve());
        worker.process.kill("SIGTERM");
      }));
      const forceExit = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
      return Promise.all(exits).then(() => clearTimeout(forceExit));
    },
  };
}
