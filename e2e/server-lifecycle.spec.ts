import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { updateUserProfile, getUserIdBySlug } from "./support/database";
import { E2E_DATABASE_PATH } from "./support/e2e-environment";
import { freePort } from "./support/free-port";
import { primeCache } from "./support/http";
import { makeTempDataDir, spawnServer } from "./support/spawn-server";

const seedPath = "/articles/us-and-china-hold-high-level-diplomatic-talks-to-build-dialogue-and-ease-tensions";

test.describe("the production server", () => {
  test("creates, migrates and seeds a missing database, and stops cleanly on SIGTERM", async () => {
    // Seeding, then starting two worker processes (WEB_CONCURRENCY defaults to the 2 cores).
    test.setTimeout(90_000);
    const data = makeTempDataDir();
    const server = await spawnServer({ port: await freePort(), env: { DATABASE_PATH: `${data.dir}/nested/site.db` } });
    try {
      expect(fs.existsSync(`${data.dir}/nested/site.db`)).toBe(true);
      const response = await fetch(`${server.baseUrl}${seedPath}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(/About (<!-- -->)?Owen/);
      expect(server.output()).toContain("Created demo content");
    } finally {
      const code = await server.stop("SIGTERM");
      data.remove();
      expect(code).toBe(0);
    }
  });

  test("starts with an empty site when demo content is switched off", async () => {
    const data = makeTempDataDir();
    const server = await spawnServer({ port: await freePort(), env: { DATABASE_PATH: data.databasePath, DEMO_CONTENT: "false" } });
    try {
      const home = await fetch(`${server.baseUrl}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain("No articles have been published yet.");
      expect((await fetch(`${server.baseUrl}${seedPath}`)).status).toBe(404);
    } finally {
      await server.stop();
      data.remove();
    }
  });

  test("a change made from another process reaches every server process on its next request", async ({ request }) => {
    // A second server on the same database as the main e2e server: two processes, two caches.
    const second = await spawnServer({ port: await freePort(), env: { DATABASE_PATH: E2E_DATABASE_PATH, DEMO_CONTENT: "false" } });
    try {
      const authorId = await getUserIdBySlug({ slug: "daniel-demo" });
      expect(authorId).not.toBeNull();
      const urls = [`/authors/daniel-demo`, `${second.baseUrl}/authors/daniel-demo`];
      for (const url of urls) await primeCache(request, url);
      const bio = `Bio of Daniel, changed at ${Date.now()} from another process.`;
      await updateUserProfile({ userId: authorId!, bio });
      for (const url of urls) {
        // Checked by content: another worker may legitimately re-render the page in between.
        expect(await (await request.get(url)).text()).toContain(bio);
      }
    } finally {
      await second.stop();
    }
  });
});
