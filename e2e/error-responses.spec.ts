import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { freePort } from "./support/free-port";
import { makeTempDataDir, spawnServer, type SpawnedServer } from "./support/spawn-server";

// What a failing production server shows and tells: /healthz answers 503 naming the failed check,
// a page that fails to render is a 500 with no message or stack trace (both go to the JSON log).
// Failures are real ones, made on a server of this spec's own by changing its database's schema
// underneath it, as a bad manual edit or a half-restored database would.

let server: SpawnedServer;
let data: ReturnType<typeof makeTempDataDir>;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  data = makeTempDataDir();
  server = await spawnServer({ port: await freePort(), env: { DATABASE_PATH: data.databasePath } });
});

test.afterAll(async () => {
  await server?.stop();
  data?.remove();
});

function withDatabase(work: (sqlite: Database.Database) => void): void {
  const sqlite = new Database(data.databasePath, { fileMustExist: true });
  try {
    sqlite.pragma("busy_timeout = 5000");
    work(sqlite);
  } finally {
    sqlite.close();
  }
}

const leaks = [/\bat \S+ \(/, /\.tsx?:\d+/, /node_modules/, /no such table/i, /SqliteError/, /\/tmp\//];

function expectNoDetail(body: string): void {
  for (const leak of leaks) expect(body).not.toMatch(leak);
}

test("/healthz is 200 on a healthy server, never cached", async () => {
  const response = await fetch(`${server.baseUrl}/healthz`);
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("content-type")).toContain("application/json");
  expect(await response.json()).toEqual({ status: "ok", database: "ok", migrations: "current" });
});

test("/healthz is 503 when the database lacks migrations this build carries", async () => {
  withDatabase((sqlite) => sqlite.exec("alter table __drizzle_migrations rename to __drizzle_migrations_away"));
  try {
    const response = await fetch(`${server.baseUrl}/healthz`);
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { status: string; database: string; migrations: string; pending: string[] };
    expect(body).toMatchObject({ status: "error", database: "ok", migrations: "pending" });
    expect(body.pending).toContain("0000_initial");
  } finally {
    withDatabase((sqlite) => sqlite.exec("alter table __drizzle_migrations_away rename to __drizzle_migrations"));
  }
  expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
});

test("a page that fails to render is a plain 500 page, its error only in the log", async () => {
  withDatabase((sqlite) => sqlite.exec("alter table articles rename to articles_away"));
  try {
    const response = await fetch(`${server.baseUrl}/`);
    expect(response.status).toBe(500);
    const body = await response.text();
    expectNoDetail(body);
    expect(body).toMatch(/Something went wrong|Internal Server Error/);
    await expect.poll(() => server.output()).toMatch(/"event":"error"[^\n]*no such table: articles/);
  } finally {
    withDatabase((sqlite) => sqlite.exec("alter table articles_away rename to articles"));
  }
  expect((await fetch(`${server.baseUrl}/`)).status).toBe(200);
});

test("a failing root layout shows the global error page, without detail", async ({ page }) => {
  withDatabase((sqlite) => sqlite.exec("alter table site_settings rename to site_settings_away"));
  try {
    const url = `${server.baseUrl}/search?q=anything`;
    const response = await fetch(url);
    expect(response.status).toBe(500);
    // Next sends an empty document with only error digests; app/global-error.tsx renders in the browser.
    expectNoDetail(await response.text());
    const visit = await page.goto(url);
    expect(visit?.status()).toBe(500);
    await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
    expectNoDetail(await page.locator("body").innerText());
    await expect.poll(() => server.output()).toMatch(/"event":"error"[^\n]*no such table: site_settings/);
  } finally {
    withDatabase((sqlite) => sqlite.exec("alter table site_settings_away rename to site_settings"));
  }
});
