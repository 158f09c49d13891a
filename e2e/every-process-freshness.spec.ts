import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createTestUser, newClient, signInThroughForm } from "./support/accounts";
import { createCommentableArticle, makeTrusted } from "./support/comments";
import { createArticle, setArticleStatus, setCommentStatus, updateArticleContent, updateUserProfile } from "./support/database";
import { E2E_DATABASE_PATH } from "./support/e2e-environment";
import { expectEveryProcess, getOnNewConnection, primeEveryProcess } from "./support/every-process";
import { freePort } from "./support/free-port";
import { makeTempDataDir, spawnServer, type SpawnedServer } from "./support/spawn-server";
import { uniqueSuffix } from "./support/test-data";
import { submitComment } from "../db/queries/comment-submission";
import { deleteOwnComment } from "../db/queries/comment-author-writes";

// The server as deployed: two processes (node:cluster) on the e2e database, each with its own page
// cache. Every change below is made from this test process, as another server or the CLI would
// make it, and the very next request to each process must show it.

const HOUR = 3_600_000;

let server: SpawnedServer;
let clockFile: string;
let clockDir: ReturnType<typeof makeTempDataDir>;

test.beforeAll(async () => {
  clockDir = makeTempDataDir();
  clockFile = path.join(clockDir.dir, "clock-offset");
  fs.writeFileSync(clockFile, "0");
  server = await spawnServer({
    port: await freePort(),
    env: { DATABASE_PATH: E2E_DATABASE_PATH, DEMO_CONTENT: "false", WEB_CONCURRENCY: "2", CLOCK_OFFSET_FILE: clockFile },
  });
  expect(server.output()).toContain("2 processes");
});

test.afterAll(async () => {
  expect(await server.stop("SIGTERM")).toBe(0);
  clockDir.remove();
});

test("comments, article edits, bios, publishing and schedules reach every process on its next request", async () => {
  const article = await createCommentableArticle();
  const articleUrl = `${server.baseUrl}/articles/${article.slug}`;
  const authorUrl = `${server.baseUrl}/authors/${article.author.slug}`;
  const trusted = await createTestUser();
  await makeTrusted(trusted, article.id);
  const newcomer = await createTestUser();
  const shows = (text: string) => (response: { status: number; body: string }) => {
    expect(response.status).toBe(200);
    expect(response.body).toContain(text);
  };
  const hides = (text: string) => (response: { status: number; body: string }) => {
    expect(response.status).toBe(200);
    expect(response.body).not.toContain(text);
  };

  // A trusted reader's comment is published at once.
  await primeEveryProcess(articleUrl);
  const published = `Published at once ${uniqueSuffix()}`;
  const posted = await submitComment({ articleId: article.id, authorId: trusted.id, body: published });
  expect(posted).toMatchObject({ ok: true, status: "approved" });
  await expectEveryProcess(articleUrl, shows(published));

  // A held comment, approved by a moderator, then unapproved.
  const held = `Held then approved ${uniqueSuffix()}`;
  const heldResult = await submitComment({ articleId: article.id, authorId: newcomer.id, body: held });
  expect(heldResult).toMatchObject({ ok: true, status: "pending" });
  if (!heldResult.ok || !posted.ok) throw new Error("posting failed");
  await primeEveryProcess(articleUrl);
  await setCommentStatus({ commentId: heldResult.commentId, status: "approved", moderatorId: null });
  await expectEveryProcess(articleUrl, shows(held));
  await primeEveryProcess(articleUrl);
  await setCommentStatus({ commentId: heldResult.commentId, status: "pending", moderatorId: null });
  await expectEveryProcess(articleUrl, hides(held));

  // The commenter deletes the published comment.
  await primeEveryProcess(articleUrl);
  expect(await deleteOwnComment({ commentId: posted.commentId, authorId: trusted.id })).toMatchObject({ ok: true });
  await expectEveryProcess(articleUrl, hides(published));

  // The article is edited.
  const newTitle = `${article.title} edited`;
  await primeEveryProcess(articleUrl);
  await primeEveryProcess(authorUrl);
  await updateArticleContent({ articleId: article.id, title: newTitle });
  await expectEveryProcess(articleUrl, shows(newTitle));
  await expectEveryProcess(authorUrl, shows(newTitle));

  // The author's bio is edited.
  const bio = `Bio written at ${uniqueSuffix()}`;
  await primeEveryProcess(articleUrl);
  await primeEveryProcess(authorUrl);
  await updateUserProfile({ userId: article.author.id, bio });
  await expectEveryProcess(articleUrl, shows(bio));
  await expectEveryProcess(authorUrl, shows(bio));

  // Another article is published now, a third is scheduled: the author page lists the first at
  // once and the scheduled one when its time comes (the clock moves for the spawned server only).
  const fresh = `Published now ${uniqueSuffix()}`;
  const scheduled = `Scheduled for later ${uniqueSuffix()}`;
  await primeEveryProcess(authorUrl);
  const freshId = await createArticle({
    slug: `e2e-every-process-${uniqueSuffix()}`,
    title: fresh,
    body: "Published while the author page was cached.",
    status: "published",
    publishedAt: new Date(Date.UTC(2000, 0, 2)),
    authorId: article.author.id,
  });
  await expectEveryProcess(authorUrl, shows(fresh));
  const scheduledSlug = `e2e-every-process-scheduled-${uniqueSuffix()}`;
  const scheduledId = await createArticle({
    slug: scheduledSlug,
    title: scheduled,
    body: "Visible only from its publication time.",
    status: "scheduled",
    publishedAt: new Date(Date.now() + HOUR),
    authorId: article.author.id,
  });
  await primeEveryProcess(authorUrl);
  await expectEveryProcess(authorUrl, hides(scheduled));
  fs.writeFileSync(clockFile, String(2 * HOUR));
  await expectEveryProcess(authorUrl, shows(scheduled));
  await expectEveryProcess(`${server.baseUrl}/articles/${scheduledSlug}`, shows(scheduled));

  // Unpublished: gone from the author page, and its own page is a 404, everywhere.
  await primeEveryProcess(authorUrl);
  await setArticleStatus({ articleId: freshId, status: "draft" });
  await setArticleStatus({ articleId: scheduledId, status: "draft" });
  await expectEveryProcess(authorUrl, hides(fresh));
  await expectEveryProcess(articleUrl, shows(newTitle));
  fs.writeFileSync(clockFile, "0");
  await setArticleStatus({ articleId: article.id, status: "draft" });
  await expectEveryProcess(articleUrl, (response) => expect(response.status).toBe(404));
});

test("a change made with the user CLI reaches every process on its next request", async () => {
  const user = await createTestUser();
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/user-cli.ts", "reset-link", user.email], {
    env: { ...process.env, DATABASE_PATH: E2E_DATABASE_PATH, SITE_URL: server.baseUrl },
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
  const link = /(http:\/\/\S+\/reset-password\?token=\S+)/.exec(run.stdout)?.[1];
  expect(link).toBeDefined();
  await expectEveryProcess(link ?? "", (response) => expect(response.status).toBe(200));

  // A second link cancels the first, on every process.
  const again = spawnSync(process.execPath, ["--import", "tsx", "scripts/user-cli.ts", "reset-link", user.email], {
    env: { ...process.env, DATABASE_PATH: E2E_DATABASE_PATH, SITE_URL: server.baseUrl },
    encoding: "utf8",
  });
  expect(again.status, again.stderr).toBe(0);
  await expectEveryProcess(link ?? "", (response) => expect(response.status).toBe(404));
});

test("signed-in pages are private, never stored, never served to anyone else", async ({ browser }) => {
  const article = await createCommentableArticle();
  const articleUrl = `${server.baseUrl}/articles/${article.slug}`;
  const reader = await createTestUser();
  const { context, page } = await newClient(browser, { baseURL: server.baseUrl });
  try {
    await primeEveryProcess(articleUrl);
    await signInThroughForm(page, reader, { callbackUrl: `/articles/${article.slug}` });
    const cookie = (await context.cookies()).map((entry) => `${entry.name}=${entry.value}`).join("; ");
    // Every process renders the signed-in page for this reader alone, and says so to caches.
    for (let i = 0; i < 6; i += 1) {
      const signedIn = await getOnNewConnection(articleUrl, { cookie });
      expect(signedIn.status).toBe(200);
      expect(signedIn.headers["x-page-cache"]).toBe("BYPASS");
      expect(signedIn.headers["cache-control"]).toContain("private");
      expect(signedIn.headers["cache-control"]).toContain("no-store");
      expect(signedIn.headers.etag).toBeUndefined();
      expect(signedIn.body).toContain(reader.displayName);
    }
    // Anonymous visitors of every process still get the shared page, without the reader in it.
    await expectEveryProcess(articleUrl, (response) => {
      expect(response.headers["x-page-cache"]).toBe("HIT");
      expect(response.headers["cache-control"]).toBe("public, no-cache");
      expect(response.body).not.toContain(reader.displayName);
    });
  } finally {
    await context.close();
    await setArticleStatus({ articleId: article.id, status: "draft" });
  }
});

test("browsers revalidate with the ETag: a 304 until the page changes, then the new page", async () => {
  const article = await createCommentableArticle();
  const articleUrl = `${server.baseUrl}/articles/${article.slug}`;
  try {
    await primeEveryProcess(articleUrl);
    const first = await getOnNewConnection(articleUrl, { "accept-encoding": "br" });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+-br"$/);
    // Each process rendered the page itself; the same bytes give the same ETag everywhere.
    for (let i = 0; i < 6; i += 1) {
      const revalidated = await getOnNewConnection(articleUrl, { "accept-encoding": "br", "if-none-match": etag });
      expect(revalidated.status).toBe(304);
      expect(revalidated.headers.etag).toBe(etag);
    }
    await updateArticleContent({ articleId: article.id, title: `${article.title} changed` });
    for (let i = 0; i < 6; i += 1) {
      const changed = await getOnNewConnection(articleUrl, { "accept-encoding": "identity", "if-none-match": etag });
      expect(changed.status).toBe(200);
      expect(changed.body).toContain(`${article.title} changed`);
    }
  } finally {
    await setArticleStatus({ articleId: article.id, status: "draft" });
  }
});

test("a worker that dies is replaced, and the site keeps answering meanwhile", async () => {
  // Starting a worker means starting Next: allow for a busy machine.
  test.setTimeout(120_000);
  const primary = server.process.pid ?? 0;
  const workers = () =>
    fs
      .readFileSync(`/proc/${primary}/task/${primary}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .map(Number)
      .filter((pid) => fs.existsSync(`/proc/${pid}`) && fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("cluster-worker"));
  const before = workers();
  expect(before).toHaveLength(2);
  process.kill(before[0] ?? 0, "SIGKILL");
  // Once the primary has noticed, the other worker serves every new connection until the
  // replacement listens.
  await expect.poll(() => server.output(), { timeout: 30_000 }).toContain("starting another");
  await expectEveryProcess(`${server.baseUrl}/`, (response) => expect(response.status).toBe(200));
  await expect.poll(() => workers().filter((pid) => !before.includes(pid)).length, { timeout: 90_000 }).toBe(1);
  await expectEveryProcess(`${server.baseUrl}/`, (response) => expect(response.status).toBe(200));
});
