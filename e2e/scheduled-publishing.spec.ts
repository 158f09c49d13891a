import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createTestUser } from "./support/accounts";
import { createArticle, setArticleStatus } from "./support/database";
import { E2E_DATABASE_PATH } from "./support/e2e-environment";
import { freePort } from "./support/free-port";
import { cacheStatusOf, primeCache } from "./support/http";
import { makeTempDataDir, spawnServer } from "./support/spawn-server";
import { uniqueSuffix } from "./support/test-data";

// A scheduled article is hidden until its time, and the first request after it already sees it,
// on every cached page. Time is moved, not waited for: a second server on the e2e database reads
// its clock offset from CLOCK_OFFSET_FILE (lib/clock.ts); the main e2e server keeps real time.

const HOUR = 3_600_000;

test("a scheduled article appears at its time, on its page and in the cached listings", async ({ request }) => {
  const clockDir = makeTempDataDir();
  const clockFile = path.join(clockDir.dir, "clock-offset");
  fs.writeFileSync(clockFile, "0");
  const server = await spawnServer({
    port: await freePort(),
    env: { DATABASE_PATH: E2E_DATABASE_PATH, DEMO_CONTENT: "false", CLOCK_OFFSET_FILE: clockFile },
  });
  const suffix = uniqueSuffix();
  const slug = `e2e-scheduled-${suffix}`;
  const title = `Scheduled for later ${suffix}`;
  let articleId: number | undefined;
  try {
    // Its own author, so no other spec's pages are touched.
    const author = await createTestUser({ role: "author" });
    const authorSlug = author.slug;
    articleId = await createArticle({
      slug,
      title,
      body: "Visible only from its publication time.",
      status: "scheduled",
      publishedAt: new Date(Date.now() + HOUR),
      authorId: author.id,
    });
    const articleUrl = `${server.baseUrl}/articles/${slug}`;
    const authorUrl = `${server.baseUrl}/authors/${authorSlug}`;

    expect((await request.get(articleUrl)).status()).toBe(404);
    // A new author's page exists once they have a visible article.
    expect((await request.get(authorUrl)).status()).toBe(404);
    const homeBefore = await primeCache(request, `${server.baseUrl}/`);
    expect(await homeBefore.text()).not.toContain(title);

    // Two hours later, for this server only.
    fs.writeFileSync(clockFile, String(2 * HOUR));
    const article = await request.get(articleUrl);
    expect(article.status()).toBe(200);
    expect(await article.text()).toContain(title);
    const authorPage = await request.get(authorUrl);
    expect(authorPage.status()).toBe(200);
    expect(await authorPage.text()).toContain(title);
    const homeAfter = await request.get(`${server.baseUrl}/`);
    expect(cacheStatusOf(homeAfter)).not.toBe("HIT");
    expect(await homeAfter.text()).toContain(title);

    // The main server's clock has not moved: there it is still hidden.
    expect((await request.get(`/articles/${slug}`)).status()).toBe(404);
  } finally {
    if (articleId !== undefined) await setArticleStatus({ articleId, status: "draft" });
    await server.stop();
    clockDir.remove();
  }
});
