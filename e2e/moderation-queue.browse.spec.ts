// "./support/database" first: it points the data layer at the e2e database before anything opens it.
import "./support/database";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { submitComment } from "../db/queries/comment-submission";
import { createTestUser, getSessionUserByEmail, ipHeaders, mainNav, signInThroughForm, type TestUser } from "./support/accounts";
import { createCommentableArticle, type TestArticle } from "./support/comments";
import { insertComment } from "./support/database";
import { primeCache } from "./support/http";
import { uniqueSuffix } from "./support/test-data";

// The moderation queue at /moderation and its log, with JavaScript on (server actions called by
// the client) and off (plain form posts, answered with a redirect or the page re-rendered with
// the action's result, as for the delete confirmation).

test.use({ extraHTTPHeaders: async ({}, use) => use(ipHeaders()) });

type QueueStatus = "pending" | "approved" | "spam" | "trash";

function queueRow(page: Page, commentId: number): Locator {
  return page.locator(`#queue-comment-${commentId}`);
}

function doneMessage(page: Page): Locator {
  return page.getByRole("main").locator(".admin-done");
}

// Opens a tab and walks its pages until the comment's row shows: other specs fill the same
// database, so it is not always on the first page.
async function openRow(page: Page, status: QueueStatus, commentId: number): Promise<Locator> {
  await page.goto(`/moderation?status=${status}`);
  for (let walked = 0; walked < 100; walked += 1) {
    const row = queueRow(page, commentId);
    if ((await row.count()) > 0) return row;
    const next = page.getByRole("navigation", { name: /comment pages$/ }).getByRole("link", { name: "Next page →" });
    const href = (await next.count()) > 0 ? await next.getAttribute("href") : null;
    if (!href) throw new Error(`Comment ${commentId} is not in the ${status} tab`);
    await page.goto(href);
  }
  throw new Error(`Gave up looking for comment ${commentId} in the ${status} tab`);
}

async function waitForDone(page: Page, done: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === "/moderation" && url.searchParams.get("done") === done);
}

async function signInAsModerator(page: Page, role: "moderator" | "admin" = "moderator"): Promise<TestUser> {
  const moderator = await createTestUser({ role });
  await signInThroughForm(page, moderator, { callbackUrl: "/moderation" });
  return moderator;
}

// The pending tab is a queue, oldest first: comments dated long ago are on its first page.
let ageOffset = 0;
function longAgo(): Date {
  ageOffset += 1;
  return new Date(Date.UTC(2001, 0, 1) + Math.floor(Math.random() * 1_000_000) * 1000 + ageOffset);
}

async function comment(
  article: TestArticle,
  author: TestUser,
  status: QueueStatus,
  { text = `Comment ${uniqueSuffix()}`, parentId = null, createdAt }: { text?: string; parentId?: number | null; createdAt?: Date } = {},
): Promise<{ id: number; text: string }> {
  const id = await insertComment({ articleId: article.id, authorId: author.id, parentId, body: text, status, ...(createdAt ? { createdAt } : {}) });
  return { id, text };
}

async function articleHtml(request: APIRequestContext, article: TestArticle): Promise<string> {
  const response = await request.get(`/articles/${article.slug}`);
  expect(response.status()).toBe(200);
  return response.text();
}

test("a moderator approves a held comment from the queue, and anonymous readers then see it", async ({ page, request }) => {
  const article = await createCommentableArticle();
  const reader = await createTestUser();
  const text = `Held until a moderator reads it ${uniqueSuffix()}`;
  const posted = await submitComment({ articleId: article.id, authorId: reader.id, body: text });
  if (!posted.ok) throw new Error(posted.message);
  expect(posted.status).toBe("pending");
  const articleUrl = `/articles/${article.slug}`;
  // A copy without the comment is in the page cache and would be served if the change were missed.
  expect(await (await primeCache(request, articleUrl)).text()).not.toContain(text);

  const moderator = await signInAsModerator(page);
  await expect(mainNav(page).getByRole("link", { name: /^Moderation \(\d+\) comments? awaiting moderation$/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Comment status" }).getByRole("link", { name: /^Pending \(\d+\)$/ })).toHaveAttribute(
    "aria-current",
    "page",
  );

  const row = await openRow(page, "pending", posted.commentId);
  await expect(row).toContainText(text);
  await expect(row).toContainText(reader.displayName);
  await expect(row).toContainText(reader.email);
  await expect(row).toContainText("Held: first comment");
  await expect(row.getByRole("link", { name: article.title })).toHaveAttribute("href", articleUrl);

  await row.getByRole("button", { name: "Approve", exact: true }).click();
  await waitForDone(page, "approve");
  await expect(doneMessage(page)).toHaveText("1 comment approved.");
  await expect(queueRow(page, posted.commentId)).toHaveCount(0);

  expect(await articleHtml(request, article)).toContain(text);

  const approved = await openRow(page, "approved", posted.commentId);
  await expect(approved.getByRole("link", { name: article.title })).toHaveAttribute("href", `${articleUrl}#comment-${posted.commentId}`);

  await page.goto("/moderation/log");
  const entry = page.getByRole("row").filter({ hasText: `#${posted.commentId}` }).filter({ hasText: "Approved" }).first();
  await expect(entry).toContainText(moderator.displayName);
  await expect(entry).toContainText("Pending → Approved");
  await expect(entry).toContainText(article.title);
});

test("several comments go to spam at once, and Apply asks for a selection", async ({ page }) => {
  const article = await createCommentableArticle();
  const first = await comment(article, await createTestUser(), "pending", { createdAt: longAgo() });
  const second = await comment(article, await createTestUser(), "pending", { createdAt: longAgo() });
  const moderator = await signInAsModerator(page);

  const firstRow = await openRow(page, "pending", first.id);
  const secondRow = queueRow(page, second.id);
  await expect(secondRow).toBeVisible();

  const bulk = page.locator(".queue-bulk");
  await bulk.getByLabel("With the selected comments").selectOption({ label: "Spam" });
  await bulk.getByRole("button", { name: "Apply" }).click();
  await expect(bulk.locator(".form-message")).toHaveText("Select at least one comment.");

  await firstRow.getByRole("checkbox").check();
  await secondRow.getByRole("checkbox").check();
  await bulk.getByLabel("With the selected comments").selectOption({ label: "Spam" });
  await bulk.getByRole("button", { name: "Apply" }).click();
  await waitForDone(page, "spam");
  await expect(doneMessage(page)).toHaveText("2 comments marked as spam.");
  await expect(queueRow(page, first.id)).toHaveCount(0);
  await expect(queueRow(page, second.id)).toHaveCount(0);

  await expect(await openRow(page, "spam", first.id)).toContainText(first.text);
  await expect(await openRow(page, "spam", second.id)).toContainText(second.text);

  await page.goto("/moderation/log");
  for (const { id } of [first, second]) {
    const entry = page.getByRole("row").filter({ hasText: `#${id}` }).first();
    await expect(entry).toContainText("Marked as spam");
    await expect(entry).toContainText("Pending → Spam");
    await expect(entry).toContainText(moderator.displayName);
  }
});

test("a trashed comment disappears from the article, and restoring it brings it back", async ({ page, request }) => {
  const article = await createCommentableArticle();
  const published = await comment(article, await createTestUser(), "approved");
  expect(await (await primeCache(request, `/articles/${article.slug}`)).text()).toContain(published.text);
  await signInAsModerator(page);

  await (await openRow(page, "approved", published.id)).getByRole("button", { name: "Trash", exact: true }).click();
  await waitForDone(page, "trash");
  await expect(doneMessage(page)).toHaveText("1 comment moved to the Trash.");
  expect(await articleHtml(request, article)).not.toContain(published.text);

  await (await openRow(page, "trash", published.id)).getByRole("button", { name: "Restore", exact: true }).click();
  await waitForDone(page, "restore");
  await expect(doneMessage(page)).toHaveText("1 comment restored from the Trash.");
  await expect(await openRow(page, "approved", published.id)).toContainText(published.text);
  expect(await articleHtml(request, article)).toContain(published.text);
});

test("deleting a comment for good asks first; its replies stay", async ({ page, request }) => {
  const article = await createCommentableArticle();
  const spam = await comment(article, await createTestUser(), "spam");
  const reply = await comment(article, await createTestUser(), "approved", { parentId: spam.id });
  await signInAsModerator(page);

  let row = await openRow(page, "spam", spam.id);
  await row.getByRole("button", { name: "Delete permanently" }).click();
  await expect(row.getByRole("alert")).toHaveText("Delete this comment permanently? This cannot be undone.");
  await row.getByRole("button", { name: "Cancel" }).click();
  await expect(row.getByRole("button", { name: "Delete permanently" })).toBeVisible();
  await expect(row.getByRole("alert")).toHaveCount(0);

  row = await openRow(page, "spam", spam.id);
  await row.getByRole("button", { name: "Delete permanently" }).click();
  await row.getByRole("button", { name: "Yes, delete permanently" }).click();
  await waitForDone(page, "delete");
  await expect(doneMessage(page)).toHaveText("1 comment permanently deleted.");
  await expect(queueRow(page, spam.id)).toHaveCount(0);
  // The reply was moved up rather than deleted with it.
  expect(await articleHtml(request, article)).toContain(reply.text);

  await page.goto("/moderation/log");
  const entry = page.getByRole("row").filter({ hasText: `#${spam.id}` }).first();
  await expect(entry).toContainText("Deleted permanently");
  await expect(entry).toContainText("Spam → deleted");
  await expect(entry).toContainText("(deleted)");
});

test("several trashed comments are deleted at once after one confirmation", async ({ page }) => {
  const article = await createCommentableArticle();
  const first = await comment(article, await createTestUser(), "trash");
  const second = await comment(article, await createTestUser(), "trash");
  await signInAsModerator(page);

  const firstRow = await openRow(page, "trash", first.id);
  await firstRow.getByRole("checkbox").check();
  await queueRow(page, second.id).getByRole("checkbox").check();
  const bulk = page.locator(".queue-bulk");
  await bulk.getByLabel("With the selected comments").selectOption({ label: "Delete permanently" });
  await bulk.getByRole("button", { name: "Apply" }).click();
  await expect(bulk.getByRole("alert")).toHaveText("Delete these 2 comments permanently? This cannot be undone.");
  await expect(queueRow(page, first.id)).toBeVisible();
  await bulk.getByRole("button", { name: "Yes, delete 2 comments permanently" }).click();
  await waitForDone(page, "delete");
  await expect(doneMessage(page)).toHaveText("2 comments permanently deleted.");
  await expect(queueRow(page, first.id)).toHaveCount(0);
  await expect(queueRow(page, second.id)).toHaveCount(0);
});

test("a reply from the queue is published at once and approves the comment it answers", async ({ page, request }) => {
  const article = await createCommentableArticle();
  const held = await comment(article, await createTestUser(), "pending", { createdAt: longAgo() });
  await signInAsModerator(page);

  const row = await openRow(page, "pending", held.id);
  await row.getByText("Reply", { exact: true }).click();
  await row.getByRole("button", { name: "Publish reply" }).click();
  await expect(row.getByText("Please type your comment.").first()).toBeVisible();

  const replyText = `Welcome, and thanks for writing ${uniqueSuffix()}`;
  await row.getByLabel("Your reply").fill(replyText);
  await row.getByRole("button", { name: "Publish reply" }).click();
  await waitForDone(page, "reply");
  await expect(doneMessage(page)).toHaveText("Reply published.");
  await expect(queueRow(page, held.id)).toHaveCount(0);

  const html = await articleHtml(request, article);
  expect(html).toContain(held.text);
  expect(html).toContain(replyText);
});

test("a moderator bans a comment's author, but cannot ban another moderator", async ({ page }) => {
  const article = await createCommentableArticle();
  const reader = await createTestUser();
  const held = await comment(article, reader, "pending", { createdAt: longAgo() });
  const byModerator = await comment(article, await createTestUser({ role: "moderator" }), "pending", { createdAt: longAgo() });
  await signInAsModerator(page);

  await expect((await openRow(page, "pending", byModerator.id)).getByText("Ban author", { exact: true })).toHaveCount(0);

  const row = await openRow(page, "pending", held.id);
  await row.getByText("Ban author", { exact: true }).click();
  await row.getByLabel("Reason (optional)").fill("Link spam");
  await row.getByLabel("Ban for").selectOption({ label: "7 days" });
  await row.getByRole("button", { name: `Ban ${reader.displayName}` }).click();
  await waitForDone(page, "ban");
  await expect(doneMessage(page)).toHaveText("Author banned.");
  await expect(queueRow(page, held.id)).toContainText("Banned until");

  const banned = await getSessionUserByEmail({ email: reader.email });
  expect(banned?.ban?.reason).toBe("Link spam");
  expect(banned?.ban?.until?.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);

  await page.goto("/moderation/log");
  const entry = page.getByRole("row").filter({ hasText: `#${held.id}` }).filter({ hasText: "Banned the author" }).first();
  await expect(entry).toContainText(`User: ${reader.displayName}`);
  await expect(entry).toContainText("reason: Link spam");
});

test("readers get the 403 page at /moderation and its log; anonymous visitors are sent to sign in", async ({ page, request }) => {
  const anonymous = await request.get("/moderation?status=spam", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers()["location"]).toBe(`/login?callbackUrl=${encodeURIComponent("/moderation?status=spam")}`);

  await signInThroughForm(page, await createTestUser(), { callbackUrl: "/account" });
  await expect(mainNav(page).getByRole("link", { name: /^Moderation/ })).toHaveCount(0);
  for (const path of ["/moderation", "/moderation/log"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("main")).toContainText("You do not have access to this page");
  }
});

test("an unknown tab shows the queue and a bad page number goes to the first page", async ({ page }) => {
  await signInAsModerator(page);
  const response = await page.goto("/moderation?status=nonsense&page=abc");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("navigation", { name: "Comment status" }).getByRole("link", { name: /^Pending/ })).toHaveAttribute(
    "aria-current",
    "page",
  );
});
