// Starts the production server for Playwright on a fresh throwaway database.
import fs from "node:fs";
import { E2E_DATA_DIR, E2E_DATABASE_PATH, E2E_PORT } from "../e2e/support/e2e-environment";

fs.rmSync(E2E_DATA_DIR, { recursive: true, force: true });
fs.mkdirSync(E2E_DATA_DIR, { recursive: true });
Object.assign(process.env, {
  NODE_ENV: "production",
  DATABASE_PATH: E2E_DATABASE_PATH,
  UPLOADS_DIR: `${E2E_DATA_DIR}/uploads`,
  PORT: String(E2E_PORT),
  HOST: "127.0.0.1",
  SITE_URL: `http://127.0.0.1:${E2E_PORT}`,
  // Lets tests act from different client addresses with X-Forwarded-For (throttling per IP).
  TRUST_PROXY: "true",
  // Specs post comments and search from 127.0.0.1 far faster than people do; the limits
  // themselves are tested on a server of their own (e2e/request-limits.spec.ts).
  COMMENT_RATE_LIMIT: "100000",
  SEARCH_RATE_LIMIT: "100000",
  // One process, so that a spec's second request meets the cache its first one filled. Specs that
  // test several processes spawn their own server (e2e/every-process-freshness.spec.ts).
  WEB_CONCURRENCY: "1",
  // One JSON line per uncached request would bury Playwright's report; warnings and errors stay.
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
});
await import("./start");
