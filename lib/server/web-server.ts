import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { drizzleFor, openSqlite } from "../../db/client";
import { registerRunningServer } from "../backups/running-servers";
import { stampClientIp } from "../client-ip";
import { COMMENT_FORM_STATE_HEADER } from "../comments/comment-form-state";
import type { AppConfig } from "../config";
import { createPageCacheHandler } from "../page-cache/page-cache-handler";
import { CacheInvalidationWatcher } from "../page-cache/invalidation-watcher";
import { PageCacheStore, publicCacheControl } from "../page-cache/page-cache-store";
import { renderMissingPagesAsNotFound } from "../page-existence";
import { refuseUnacceptableBody } from "../request-body-limit";
import { throttleSearches } from "../search/search-throttle";
import { applySecurityHeaders } from "../security-headers";
import { applyStatusPageCode } from "../status-pages";
import { answerUnhandledError } from "../unhandled-error-response";
import { checkedRequestBody } from "./request-body-check";
import { createCommentPostEndpoint } from "./comment-post-endpoint";
import { RequestLog } from "./request-log";
import { createQuietAsyncContext } from "./quiet-async-context";

const SHUTDOWN_GRACE_MS = 10_000;

// The configuration `next build` resolved and saved (what Next's standalone server uses too). Handing
// it to Next spares each process compiling next.config.ts at start, which loads the SWC compiler
// (about 25 MB of resident memory per process, for nothing else).
function builtNextConfig(): NonNullable<Parameters<typeof next>[0]>["conf"] {
  const file = path.join(process.cwd(), ".next", "required-server-files.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { config: NonNullable<Parameters<typeof next>[0]>["conf"] }).config;
}

export type WebServer = { server: http.Server; close(): Promise<void> };

// One serving process: Next's request handler behind the page cache, listening on the port (which
// cluster workers share). The database must already be migrated.
export async function startWebServer(config: AppConfig): Promise<WebServer> {
  // Every process that opens the database is registered, so `npm run restore` refuses while any lives.
  registerRunningServer(config.databasePath);
  // Before Next loads: stored-page hits then run without Node 20's async-context hook whenever no
  // render has run for a while (lib/server/quiet-async-context.ts).
  const asyncContext = createQuietAsyncContext({ quietMs: 1000 });
  // The watcher's own connection; Next's bundled pages open theirs lazily through db/client.ts.
  const sqlite = openSqlite(config.databasePath);
  const db = drizzleFor(sqlite);

  const app = next({ dev: false, dir: process.cwd(), hostname: config.host, port: config.port, conf: builtNextConfig() });
  await app.prepare();
  const nextHandler = app.getRequestHandler();
  const render = throttleSearches(renderMissingPagesAsNotFound((req, res) => nextHandler(req, res)));

  const store = new PageCacheStore(config.pageCacheMaxBytes);
  const watcher = new CacheInvalidationWatcher(sqlite, db, store);
  const requestLog = new RequestLog();
  const pageCache = createPageCacheHandler({
    store,
    watcher,
    render,
    cacheControl: publicCacheControl(config.cdnMaxAgeSeconds),
    observer: requestLog,
  });

  // Requests keep the cache fresh on their own; the timer makes an idle process keep up with the
  // log before old rows are pruned, and makes scheduled articles expire pages on time.
  const syncTimer = setInterval(() => watcher.sync(), 1000).unref();
  const reportTimer = requestLog.startPeriodicReport();

  // The JavaScript-off comment form, answered before Next (lib/server/comment-post-endpoint.ts).
  const handleCommentPost = createCommentPostEndpoint({ render, siteOrigin: new URL(config.siteUrl).origin, trustProxy: config.trustProxy });

  const https = config.siteUrl.startsWith("https:");
  const server = http.createServer((req, res) => {
    // The hot path: a stored page is answered with headers and bytes built when it was stored (the
    // security headers of its render included, its policy carrying script hashes), before any
    // other per-request work.
    try {
      if (pageCache.serveStoredPage(req, res)) return;
    } catch (error) {
      // The lookup reads the database (new invalidations); a failure there is answered as any other.
      applySecurityHeaders(req, res, { https });
      answerUnhandledError(req, res, error);
      return;
    }
    stampClientIp(req, config.trustProxy);
    // Only the comment endpoint sets it, for the page it renders with a refused comment's state.
    delete req.headers[COMMENT_FORM_STATE_HEADER];
    // Hardening (lib/security-headers.ts, lib/request-body-limit.ts): headers on every response,
    // oversized or unparseable bodies refused before Next reads them.
    applySecurityHeaders(req, res, { https });
    if (refuseUnacceptableBody(req, res)) return;
    // The JavaScript-off comment form has its own endpoint (lib/server/comment-post-endpoint.ts).
    // Any other body Next would decode as a server action is read and checked first
    // (lib/server/request-body-check.ts); Next then reads a replay of it.
    applyStatusPageCode(req, res);
    const handled = handleCommentPost(req, res)
      .then(async (handled) => {
        if (handled) return;
        const checked = await checkedRequestBody(req, res);
        if (checked !== null) await pageCache.handle(checked, res);
      })
      .catch((error: unknown) => answerUnhandledError(req, res, error));
    const socket = req.socket;
    asyncContext.track({
      settled: handled,
      closed: new Promise((resolve) => res.once("close", resolve)),
      // Removed once the request ends: a keep-alive socket serves many requests.
      abandoned: new Promise<void>((resolve) => {
        const onClose = () => resolve();
        socket.once("close", onClose);
        res.once("close", () => socket.off("close", onClose));
      }),
    });
  });
  // Node closes an idle keep-alive connection after 5 s by default; a client (or a reverse proxy's
  // upstream pool) that reuses it at that moment gets a reset. Idle connections live longer than
  // the usual 60 s client and proxy timeouts instead, so the client always closes first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));

  let closing: Promise<void> | undefined;
  return {
    server,
    // Finishes in-flight requests, then closes the database; gives up after a grace period.
    close() {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(syncTimer);
        clearInterval(reportTimer);
        requestLog.report();
        const forceExit = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
        server.close(() => {
          clearTimeout(forceExit);
          sqlite.close();
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
