import http from "node:http";
import next from "next";
import { pruneCacheInvalidations } from "./db/cache-invalidation";
import { drizzleFor, openSqlite } from "./db/client";
import { purgeOldTrash } from "./db/queries/comment-moderation";
import { seedDemoContent } from "./db/seed";
import { scheduleAddressPurge } from "./lib/address-retention";
import { migrateWithBackup } from "./lib/backups/migrate-with-backup";
import { registerRunningServer } from "./lib/backups/running-servers";
import { stampClientIp } from "./lib/client-ip";
import { answerUnhandledError } from "./lib/unhandled-error-response";
import { getConfig } from "./lib/config";
import { logger } from "./lib/logger";
import { setupLinkIfNoAdmin } from "./lib/first-run-setup";
import { createPageCacheHandler } from "./lib/page-cache/page-cache-handler";
import { CacheInvalidationWatcher } from "./lib/page-cache/invalidation-watcher";
import { PageCacheStore } from "./lib/page-cache/page-cache-store";
import { renderMissingPagesAsNotFound } from "./lib/page-existence";
import { refuseOversizedBody } from "./lib/request-body-limit";
import { throttleSearches } from "./lib/search/search-throttle";
import { applySecurityHeaders } from "./lib/security-headers";
import { applyStatusPageCode } from "./lib/status-pages";

const SHUTDOWN_GRACE_MS = 10_000;
const INVALIDATION_LOG_RETENTION_MS = 60 * 60 * 1000;
const TRASH_PURGE_INTERVAL_MS = 24 * 60 * 60 * 1000;

export async function startServer(): Promise<http.Server> {
  const config = getConfig();

  // The server's own connection: migrations, seeding and the page cache's invalidation watcher.
  // Next's bundled pages open their own connection lazily through db/client.ts.
  const sqlite = openSqlite(config.databasePath);
  const db = drizzleFor(sqlite);
  // Registered for as long as this process lives, so `npm run restore` refuses meanwhile.
  registerRunningServer(config.databasePath);
  const migration = migrateWithBackup(sqlite, config);
  if (migration.backupFolder) {
    logger.info(
      { event: "pre-migration-backup", folder: migration.backupFolder, migrations: migration.applied },
      "Backed up the database before migrating it.",
    );
  }
  if (config.demoContent && seedDemoContent(db)) logger.info("Created demo content in an empty database.");
  // Trashed comments are kept 30 days. A failed purge is retried the next day; it must not stop
  // the server.
  const purgeTrash = () =>
    purgeOldTrash({ db })
      .then((purged) => {
        if (purged > 0) logger.info({ event: "trash-purge", purged }, "Purged old comments from the trash.");
      })
      .catch((error: unknown) => logger.error({ event: "trash-purge", err: error }, "Could not purge old trash"));
  await purgeTrash();

  const app = next({ dev: false, dir: process.cwd(), hostname: config.host, port: config.port });
  await app.prepare();
  const nextHandler = app.getRequestHandler();
  const render = throttleSearches(renderMissingPagesAsNotFound((req, res) => nextHandler(req, res)));

  const store = new PageCacheStore(config.pageCacheMaxBytes);
  const watcher = new CacheInvalidationWatcher(sqlite, db, store);
  const handlePageRequest = createPageCacheHandler({ store, watcher, render });

  // Requests keep the cache fresh on their own; the timers make idle processes keep up with the
  // log before old rows are pruned, and make scheduled articles expire pages on time.
  const syncTimer = setInterval(() => watcher.sync(), 1000).unref();
  const pruneTimer = setInterval(
    () => pruneCacheInvalidations(db, new Date(Date.now() - INVALIDATION_LOG_RETENTION_MS)),
    10 * 60 * 1000,
  ).unref();
  const trashTimer = setInterval(() => void purgeTrash(), TRASH_PURGE_INTERVAL_MS).unref();
  const stopAddressPurge = scheduleAddressPurge(db);

  const server = http.createServer((req, res) => {
    stampClientIp(req, config.trustProxy);
    // Hardening (lib/security-headers.ts, lib/request-body-limit.ts): headers on every response,
    // oversized bodies refused before Next reads them.
    applySecurityHeaders(req, res, { https: config.siteUrl.startsWith("https:") });
    if (refuseOversizedBody(req, res)) return;
    applyStatusPageCode(req, res);
    handlePageRequest(req, res).catch((error: unknown) => answerUnhandledError(req, res, error));
  });

  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, `${signal} received: closing the server.`);
    clearInterval(syncTimer);
    clearInterval(pruneTimer);
    clearInterval(trashTimer);
    stopAddressPurge();
    const forceExit = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    server.close(() => {
      clearTimeout(forceExit);
      sqlite.close();
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));

  // Node closes an idle keep-alive connection after 5 s by default; a client (or a reverse proxy's
  // upstream pool) that reuses it at that moment gets a reset. Idle connections live longer than
  // the usual 60 s client and proxy timeouts instead, so the client always closes first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  logger.info(
    { siteUrl: config.siteUrl, host: config.host, port: config.port, database: config.databasePath },
    `Serving ${config.siteUrl}`,
  );
  const setupLink = await setupLinkIfNoAdmin(config.siteUrl);
  // Printed for the operator, not logged as an event: the link holds a one-time secret.
  if (setupLink) console.log(`No admin account exists yet. Create one, once, at:\n  ${setupLink}`);
  return server;
}
