import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser } from "@playwright/test";
import { demoUsers } from "../db/demo/demo-people";
import { createTestUser, ipHeaders, newClient, signInThroughForm, strongPassword, uniqueIp, type TestUser } from "./support/accounts";
import { E2E_BASE_URL } from "./support/e2e-environment";
import { postServerActionForm, serverActionFormFields } from "./support/form-replay";
import { freePort } from "./support/free-port";
import { primeCache } from "./support/http";
import {
  articleIdsTitled,
  autosaveStatus,
  createOldPublishedArticle,
  editorButton,
  editorField,
  editorMessage,
  editorReady,
  editPath,
  fillEditor,
  hasPendingCopy,
  NEW_ARTICLE_PATH,
  pressAndWaitForSaved,
  setPasswordWithCli,
  storedArticle,
  storedArticleBySlug,
  waitForAutosave,
} from "./support/publishing";
import { makeTempDataDir, spawnServer } from "./support/spawn-server";
import { uniqueSuffix } from "./support/test-data";

// Publishing with JavaScript on: autosave (into a draft, or into a pending copy of a published
// article), the leave warning, who may open the dashboard and the editor, direct calls of the
// editor's action, and Owen's article count on a server of its own.

test.use({ extraHTTPHeaders: async ({}, use) => use(ipHeaders()) });

async function signedInRequest(browser: Browser, user: TestUser): Promise<APIRequestContext> {
  const { context, page, ip } = await newClient(browser, { javaScriptEnabled: false });
  await signInThroughForm(page, user, { callbackUrl: "/account" });
  const storageState = await context.storageState();
  await context.close();
  return playwrightRequest.newContext({ baseURL: E2E_BASE_URL, storageState, extraHTTPHeaders: { "x-forwarded-for": ip } });
}

test("a new article becomes a draft on its first autosave, and a reload finds it", async ({ page }) => {
  const author = await createTestUser({ role: "author" });
  await signInThroughForm(page, author, { callbackUrl: NEW_ARTICLE_PATH });
  await editorReady(page);
  await expect(autosaveStatus(page)).toHaveText("Changes are saved automatically as you type.");
  const suffix = uniqueSuffix();
  const title = `Autosaved from scratch ${suffix}`;
  await fillEditor(page, { Title: title, "Body (Markdown)": `Typed, never submitted ${suffix}` });
  await waitForAutosave(page);
  await page.waitForURL((url) => /^\/dashboard\/articles\/\d+\/edit$/.test(url.pathname));
  const articleId = Number(/\/articles\/(\d+)\//.exec(page.url())?.[1]);
  expect(storedArticle(articleId)).toMatchObject({ status: "draft", title, authorId: author.id, body: `Typed, never submitted ${suffix}` });

  // Later changes go into the same draft.
  await editorField(page, "Body (Markdown)").fill(`Typed again ${suffix}`);
  await waitForAutosave(page);
  await expect.poll(() => storedArticle(articleId)?.body).toBe(`Typed again ${suffix}`);
  expect(storedArticleBySlug(`autosaved-from-scratch-${suffix}`)?.id).toBe(articleId);

  await page.reload();
  await editorReady(page);
  await expect(editorField(page, "Title")).toHaveValue(title);
  await expect(editorField(page, "Body (Markdown)")).toHaveValue(`Typed again ${suffix}`);

  // An autosave that cannot save says why.
  await editorField(page, "Title").fill("");
  await expect(autosaveStatus(page)).toHaveText("Not saved: Enter a title.", { timeout: 15_000 });
  expect(storedArticle(articleId)?.title).toBe(title);
});

test("editing a published article autosaves a pending copy; the live page changes only on Update", async ({ page, request }) => {
  const author = await createTestUser({ role: "author" });
  const article = await createOldPublishedArticle(author);
  const livePath = `/articles/${article.slug}`;
  await primeCache(request, livePath);

  await signInThroughForm(page, author, { callbackUrl: editPath(article.id) });
  await editorReady(page);
  const revised = `Revised body ${uniqueSuffix()}`;
  await editorField(page, "Body (Markdown)").fill(revised);
  await expect(autosaveStatus(page)).toHaveText(/^Saved at .+ as unpublished changes\. Readers see them after you press Update\.$/, {
    timeout: 15_000,
  });
  expect(hasPendingCopy(article.id)).toBe(true);
  expect(storedArticle(article.id)?.body).toBe(article.body);
  const live = await (await request.get(livePath)).text();
  expect(live).toContain(article.body);
  expect(live).not.toContain(revised);

  // Opening the editor again shows the pending copy, with a notice and a way to discard it.
  await page.reload();
  await editorReady(page);
  await expect(page.getByRole("main")).toContainText(/You have unpublished changes from \w+ \d{1,2}, \d{4} at \d{1,2}:\d{2}\s?[AP]M/);
  await expect(editorField(page, "Body (Markdown)")).toHaveValue(revised);

  await pressAndWaitForSaved(page, "Update", "updated");
  await expect(editorMessage(page)).toHaveText("Updated. Readers see the changes now.");
  await expect(page.getByRole("main")).not.toContainText("You have unpublished changes");
  expect(hasPendingCopy(article.id)).toBe(false);
  const updated = await (await request.get(livePath)).text();
  expect(updated).toContain(revised);

  // Discarding a pending copy puts the published values back into the editor.
  const discarded = `Thrown away ${uniqueSuffix()}`;
  await editorField(page, "Body (Markdown)").fill(discarded);
  await waitForAutosave(page);
  await page.reload();
  await editorReady(page);
  await expect(editorField(page, "Body (Markdown)")).toHaveValue(discarded);
  await page.getByRole("button", { name: "Discard these changes" }).click();
  await page.waitForURL((url) => url.searchParams.get("saved") === "discarded");
  await expect(editorMessage(page)).toHaveText("Unpublished changes discarded.");
  await expect(editorField(page, "Body (Markdown)")).toHaveValue(revised);
  expect(hasPendingCopy(article.id)).toBe(false);
  expect(await (await request.get(livePath)).text()).not.toContain(discarded);
});

test("leaving the editor with unsaved changes asks first", async ({ page }) => {
  const author = await createTestUser({ role: "author" });
  await signInThroughForm(page, author, { callbackUrl: NEW_ARTICLE_PATH });
  await editorReady(page);
  const title = `Not saved yet ${uniqueSuffix()}`;
  await editorField(page, "Title").fill(title);
  const asked = page.waitForEvent("dialog");
  const clicked = page.getByRole("main").getByRole("link", { name: "← Dashboard" }).click();
  const dialog = await asked;
  expect(dialog.message()).toBe("You have unsaved changes. Leave this page anyway?");
  await dialog.dismiss();
  await clicked;
  // Still in the editor, with the title. Leaving the title field asked autosave to save it, so the
  // address may already be the new draft's.
  expect(new URL(page.url()).pathname).toMatch(/^\/dashboard\/articles\/(new|\d+\/edit)$/);
  await expect(editorField(page, "Title")).toHaveValue(title);
  await waitForAutosave(page);
});

test("scheduling needs a future time in the site's time zone, and a scheduled article stays hidden", async ({ page, request }) => {
  const author = await createTestUser({ role: "author" });
  await signInThroughForm(page, author, { callbackUrl: NEW_ARTICLE_PATH });
  await editorReady(page);
  const suffix = uniqueSuffix();
  const title = `Scheduled for later ${suffix}`;
  await fillEditor(page, { Title: title, "Body (Markdown)": "Not yet." });
  await editorField(page, "Publish at").fill("2001-01-01T09:00");
  await editorButton(page, "Schedule").click();
  await expect(page.locator("#editor-publishAt-error")).toHaveText("Choose a time in the future.");
  await expect(editorField(page, "Title")).toHaveValue(title);

  await editorField(page, "Publish at").fill("2999-06-01T09:30");
  const articleId = await pressAndWaitForSaved(page, "Schedule", "scheduled");
  await expect(editorMessage(page)).toHaveText("Scheduled.");
  await expect(page.getByRole("main")).toContainText("Scheduled: readers see it from June 1, 2999 at 9:30 AM (UTC).");
  await expect(editorField(page, "Publish at")).toHaveValue("2999-06-01T09:30");
  expect(storedArticle(articleId ?? 0)).toMatchObject({ status: "scheduled", publishedAt: new Date("2999-06-01T09:30:00Z") });
  expect((await request.get(`/articles/scheduled-for-later-${suffix}`)).status()).toBe(404);

  await page.goto("/dashboard?status=scheduled");
  await expect(page.locator(`#dashboard-article-${articleId}`)).toContainText("Scheduled for June 1, 2999 at 9:30 AM");
  await page.goto(editPath(articleId ?? 0));
  await editorReady(page);
  await pressAndWaitForSaved(page, "Unpublish", "unpublished");
  expect(storedArticle(articleId ?? 0)).toMatchObject({ status: "draft", publishedAt: null });
});

test("a button pressed while the first autosave is creating the article acts on that article", async ({ page }) => {
  const author = await createTestUser({ role: "author" });
  await signInThroughForm(page, author, { callbackUrl: NEW_ARTICLE_PATH });
  await editorReady(page);
  // The first autosave's request is held back, so Schedule is pressed while it is on its way.
  let heldBack = false;
  await page.route(NEW_ARTICLE_PATH, async (route) => {
    if (route.request().method() === "POST" && !heldBack) {
      heldBack = true;
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
    await route.continue();
  });
  const title = `Scheduled while saving ${uniqueSuffix()}`;
  await fillEditor(page, { Title: title, "Body (Markdown)": "Pressed during the first save." });
  await editorField(page, "Publish at").fill("2999-07-01T08:00");
  await expect(autosaveStatus(page)).toHaveText("Saving…");
  const articleId = await pressAndWaitForSaved(page, "Schedule", "scheduled");
  expect(heldBack).toBe(true);
  expect(articleIdsTitled(title)).toEqual([articleId]);
  expect(storedArticle(articleId ?? 0)).toMatchObject({ status: "scheduled", publishedAt: new Date("2999-07-01T08:00:00Z") });
});

test("a save answered with a full page load is not held up by the leave warning", async ({ page }) => {
  const author = await createTestUser({ role: "author" });
  await signInThroughForm(page, author, { callbackUrl: NEW_ARTICLE_PATH });
  await editorReady(page);
  await fillEditor(page, { Title: `Loaded in full ${uniqueSuffix()}`, "Body (Markdown)": "Saved, then redirected." });
  await waitForAutosave(page);
  const articleId = Number(/\/dashboard\/articles\/(\d+)\/edit/.exec(page.url())?.[1]);
  // The save reaches the server; its answer is replaced by the one Next gives when a redirect
  // carries no page data, which makes the router load the next page in full (and so fire
  // beforeunload) instead of navigating in place.
  await page.route(editPath(articleId), async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const answer = await route.fetch();
    const redirect = answer.headers()["x-action-redirect"];
    await route.fulfill({ status: 200, headers: { "content-type": "text/plain", "x-action-redirect": redirect ?? "" }, body: "" });
  });
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => dialogs.push(dialog.type()));
  const title = `Loaded in full, renamed ${uniqueSuffix()}`;
  await editorField(page, "Title").fill(title);
  expect(await pressAndWaitForSaved(page, "Save draft", "draft")).toBe(articleId);
  expect(dialogs).toEqual([]);
  expect(storedArticle(articleId)).toMatchObject({ title });
});

test.describe("who may write", () => {
  test("readers get 403 at the dashboard and the editor; authors at someone else's article; unknown articles are 404", async ({ browser }) => {
    const reader = await signedInRequest(browser, await createTestUser());
    const owner = await createTestUser({ role: "author" });
    const otherAuthor = await signedInRequest(browser, await createTestUser({ role: "author" }));
    const moderator = await signedInRequest(browser, await createTestUser({ role: "moderator" }));
    const admin = await signedInRequest(browser, await createTestUser({ role: "admin" }));
    const anonymous = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
    try {
      const article = await createOldPublishedArticle(owner);
      for (const path of ["/dashboard", NEW_ARTICLE_PATH, editPath(article.id)]) {
        const denied = await reader.get(path, { maxRedirects: 0 });
        expect(denied.status(), path).toBe(307);
        expect(denied.headers().location, path).toBe("/forbidden");
        const signIn = await anonymous.get(path, { maxRedirects: 0 });
        expect(signIn.headers().location, path).toBe(`/login?callbackUrl=${encodeURIComponent(path)}`);
      }
      expect((await reader.get("/dashboard")).status()).toBe(403);
      for (const [client, expected] of [
        [otherAuthor, 307],
        [moderator, 307],
        [admin, 200],
      ] as const) {
        const response = await client.get(editPath(article.id), { maxRedirects: 0 });
        expect(response.status()).toBe(expected);
        if (expected === 307) expect(response.headers().location).toBe("/forbidden");
      }
      expect((await otherAuthor.get("/dashboard")).status()).toBe(200);
      const adminDashboard = await (await admin.get("/dashboard?status=published")).text();
      expect(adminDashboard).toContain("by every author");

      const missing = await otherAuthor.get(editPath(987_654_321));
      expect(missing.status()).toBe(404);
      expect((await otherAuthor.get("/dashboard/articles/not-a-number/edit")).status()).toBe(404);
    } finally {
      for (const client of [reader, otherAuthor, moderator, admin, anonymous]) await client.dispose();
    }
  });

  test("the editor's action called directly: a reader cannot publish, an author cannot touch another's article", async ({ browser }) => {
    const author = await createTestUser({ role: "author" });
    const authorClient = await signedInRequest(browser, author);
    const reader = await signedInRequest(browser, await createTestUser());
    const otherAuthor = await signedInRequest(browser, await createTestUser({ role: "author" }));
    try {
      const source = await authorClient.get(NEW_ARTICLE_PATH);
      const actionFields = serverActionFormFields(await source.text(), "body");
      const suffix = uniqueSuffix();
      const slug = `direct-publish-${suffix}`;
      const fields = { articleId: "", intent: "publish", title: `Direct ${suffix}`, slug, body: "Hi", commentsOpen: "on" };
      const refused = await postServerActionForm(reader, NEW_ARTICLE_PATH, actionFields, fields);
      expect(refused.status()).toBeLessThan(500);
      expect(storedArticleBySlug(slug)).toBeUndefined();

      const victim = await createOldPublishedArticle(author);
      const hijack = await postServerActionForm(otherAuthor, editPath(victim.id), actionFields, {
        ...fields,
        articleId: String(victim.id),
        intent: "unpublish",
        title: "Hijacked",
        slug: victim.slug,
      });
      expect(hijack.status()).toBeLessThan(500);
      expect(storedArticle(victim.id)).toMatchObject({ status: "published", title: victim.title });
      const deleteAttempt = await postServerActionForm(otherAuthor, editPath(victim.id), actionFields, {
        articleId: String(victim.id),
        intent: "confirm-delete",
      });
      expect(deleteAttempt.status()).toBeLessThan(500);
      expect(storedArticle(victim.id)).toBeDefined();

      // The same post by the author publishes (a draft, so nothing reaches page 1 of the home page).
      const allowed = await postServerActionForm(authorClient, NEW_ARTICLE_PATH, actionFields, { ...fields, intent: "save-draft" });
      expect(allowed.status()).toBe(303);
      expect(storedArticleBySlug(slug)).toMatchObject({ status: "draft", authorId: author.id });
    } finally {
      for (const client of [authorClient, reader, otherAuthor]) await client.dispose();
    }
  });
});

test("when Owen publishes, his box says 16 Articles", async ({ browser }) => {
  test.setTimeout(180_000);
  const data = makeTempDataDir();
  const server = await spawnServer({ port: await freePort(), env: { DATABASE_PATH: data.databasePath } });
  try {
    const owen = demoUsers.find((user) => user.slug === "owen");
    if (!owen) throw new Error("Owen is not among the demo users");
    const password = strongPassword();
    const cli = await setPasswordWithCli(data.databasePath, owen.email, password);
    expect(cli.code, cli.output).toBe(0);

    const { context, page } = await newClient(browser, { baseURL: server.baseUrl });
    try {
      await signInThroughForm(page, { email: owen.email, password }, { callbackUrl: NEW_ARTICLE_PATH });
      await editorReady(page);
      const suffix = uniqueSuffix();
      const title = `Owen publishes again ${suffix}`;
      await fillEditor(page, { Title: title, "Body (Markdown)": "A new article by Owen.", Tags: "Opinion" });
      await pressAndWaitForSaved(page, "Publish now", "published");
      await page.getByRole("main").getByRole("link", { name: "View the article" }).click();
      await page.waitForURL((url) => url.pathname === `/articles/owen-publishes-again-${suffix}`);
      const box = page.getByRole("region", { name: "About Owen" });
      await expect(box.getByRole("link", { name: "16 Articles" })).toHaveAttribute("href", "/authors/owen");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    } finally {
      await context.close();
    }
    // Anonymous readers see the new count on another of his articles too.
    const seed = await fetch(`${server.baseUrl}/articles/welcome-to-the-demo-platform`);
    expect(await seed.text()).toMatch(/16 Articles/);
  } finally {
    await server.stop();
    data.remove();
  }
});
