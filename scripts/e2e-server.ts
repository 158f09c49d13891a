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
});
await import("./start");
