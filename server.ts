import type { AppConfig } from "./lib/config";
import { getConfig } from "./lib/config";
import { setupLinkIfNoAdmin } from "./lib/first-run-setup";
import { logger } from "./lib/logger";
import { startServerCluster } from "./lib/server/cluster-primary";
import { prepareDatabase } from "./lib/server/database-maintenance";
import { startWebServer } from "./lib/server/web-server";

// Serves the site: one process prepares the database, then serves itself (WEB_CONCURRENCY=1) or
// forks that many serving processes sharing the port (lib/server/cluster-primary.ts).
export async function startServer(config: AppConfig = getConfig()): Promise<void> {
  // Listening for signals first: a SIGTERM while the server is still starting stops it cleanly too.
  const closers: (() => Promise<void> | void)[] = [];
  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, `${signal} received: closing the server.`);
    void (async () => {
      for (const close of closers.reverse()) await close();
      process.exit(0);
    })();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));

  const database = await prepareDatabase(config);
  closers.push(() => database.stop());
  if (shuttingDown) return;

  if (config.webConcurrency === 1) {
    const web = await startWebServer(config);
    closers.push(() => web.close());
  } else {
    const workers = startServerCluster(config);
    closers.push(() => workers.close());
    // A worker that cannot start fails the start, unless we are stopping anyway.
    await workers.ready.catch((error: unknown) => {
      if (!shuttingDown) throw error;
    });
  }
  if (shuttingDown) return;

  const processes = config.webConcurrency === 1 ? "" : `, ${config.webConcurrency} processes`;
  logger.info(
    { siteUrl: config.siteUrl, host: config.host, port: config.port, processes: config.webConcurrency, database: config.databasePath },
    `Serving ${config.siteUrl} (listening on ${config.host}:${config.port}${processes}, database ${config.databasePath})`,
  );
  const setupLink = await setupLinkIfNoAdmin(config.siteUrl);
  // Printed for the operator, not logged as an event: the link holds a one-time secret.
  if (setupLink) console.log(`No admin account exists yet. Create one, once, at:\n  ${setupLink}`);
}
