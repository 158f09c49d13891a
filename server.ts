import http from "node:http";
import next from "next";
import { pruneCacheInvalidations } from "./db/cache-invalidation";
import { drizzleFor, openSqlite } from "./db/client";
import { migrateDatabase } from "./db/migrate";
import { purgeOldTrash } from "./db/queries/comment-moderation";
import { seedDemoContent } from "./db/seed";
import { stampClientIp } from "./lib/client-ip";
import { getConfig } from "./lib/config";
import { setupLinkIfNoAdmin } from "./lib/first-run-setup";
import { createPageCacheHandler } from "./lib/page-cache/page-cache-handler";
import { CacheInvalidationWatcher } from "./lib/page-cache/invalidation-watcher";
import { PageCacheStore } from "./lib/page-cache/page-cache-store";
import { renderMissingPagesAsNotFound } from "./lib/page-existence";
import { refuseUnacceptableBody } from "./lib/request-body-limit";
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
  migrateDatabase(sqlite);
  if (config.demoContent && seedDemoContent(db)) console.log("Created demo content in an empty database.");
  // Trashed comments are kept 30 days. A failed purge is retried the next day; it must not stop
  // the server.
  const purgeTrash = () =>
    purgeOldTrash({ db })
      .then((purged) => {
        if (purged > 0) console.log(`Purged ${purged} comment${purged === 1 ? "" : "s"} from the trash.`);
      })
      .catch((error: unknown) => console.error("Could not purge old trash", error));
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

  const server = http.createServer((req, res) => {
    stampClientIp(req, config.trustProxy);
    // Hardening (lib/security-headers.ts, lib/request-body-limit.ts): headers on every response,
    // oversized or unparseable bodies refused before Next reads them.
    applySecurityHeaders(req, res, { https: config.siteUrl.startsWith("https:") });
    if (refuseUnacceptableBody(req, res)) return;
    applyStatusPageCode(req, res);
    handlePageRequest(req, res).catch((error: unknown) => {
      console.error("Unhandled error while serving", req.method, req.url, error);
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        res.end("Internal Server Error");
      } else {
        res.destroy();
      }
    });
  });

  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`${signal} received: closing the server.`);
    clearInterval(syncTimer);
    clearInterval(pruneTimer);
    clearInterval(trashTimer);
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
  console.log(`Serving ${config.siteUrl} (listening on ${config.host}:${config.port}, database ${config.databasePath})`);
  const setupLink = await setupLinkIfNoAdmin(config.siteUrl);
  if (setupLink) console.log(`No admin account exists yet. Create one, once, at:\n  ${setupLink}`);
  return server;
}
