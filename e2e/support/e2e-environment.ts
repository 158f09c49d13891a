import path from "node:path";

// The end-to-end server runs on its own database, recreated for every run.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_DATA_DIR = path.resolve(".e2e-data");
export const E2E_DATABASE_PATH = path.join(E2E_DATA_DIR, "site.db");
