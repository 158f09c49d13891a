// "./support/database" first: it points the data layer at the e2e database before anything opens it.
import "./support/database";
import { randomUUID } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { createTestUser, ipHeaders, signInThroughForm, type TestUser } from "./support/accounts";
import { createCommentableArticle, type TestArticle } from "./support/comments";
import { getDb, insertComment } from "./support/database";
import { uniqueSuffix } from "./support/test-data";

// The queue driven from the keyboard (j/k, a/s/t, r, u, ?) and the Undo of its toast, with
// JavaScript on; and the same Undo as a plain form with JavaScript off.

test.use({ extraHTTPHeaders: async ({}, use) => use(ipHeaders()) });

type QueueStatus = "pending" | "approved" | "spam" | "trash";

// The pending tab is worked oldest first: comments dated before anything other specs write are
// the first rows of its first page, in the order made here.
let age = 0;
function veryLongAgo(): Date {
  age += 1;
  return new Date(Date.UTC(1990, 0, 1) + Math.floor(Math.random() * 1_000_000) * 1000 + age * 1000);
}

async function pendingComments(article: TestArticle, author: TestUser, count: number): Promise<number[]> {
  const start = veryLongAgo().getTime();
  const ids: number[] = [];
  for (let n = 0; n < count; n += 1) {
    ids.push(await insertComment({ articleId: article.id, authorId: author.id, parentId: null, body: `Keyboard ${n} ${uniqueSuffix()}`, status: "pending", createdAt: new Date(start + n * 1000) }));
  }
  return ids;
}

function statusOf(commentId: number): QueueStatus | undefined {
  const found = getDb().$client.prepare("select status from comments where id = ?").get(commentId) as { status: QueueStatus } | undefined;
  return found?.status;
}

function queueRow(page: Page, commentId: number): Locator {
  return page.locator(`#queue-comment-${commentId}`);
}

function toast(page: Page): Locator {
  return page.getByRole("region", { name: "Last moderation action" });
}

async function signInAsModerator(page: Page): Promise<TestUser> {
  const moderator = await createTestUser({ role: "moderator" });
  await signInThroughForm(page, moderator, { callbackUrl: "/moderation" });
  return moderator;
}

async function waitForDone(page: Page, done: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === "/moderation" && url.searchParams.get("done") === done);
}

// Presses j or k until the comment's row is the current one, checking that each press moves the
// highlight (and the focus) by exactly one row.
async function moveTo(page: Page, commentId: number): Promise<void> {
  const rows = page.locator(".queue-list > li.queue-item");
  const ids = (await rows.evaluateAll((items) => items.map((item) => item.id))).map((id) => Number(id.replace("queue-comment-", "")));
  const target = ids.indexOf(commentId);
  expect(target, `comment ${commentId} is on this page`).toBeGreaterThanOrEqual(0);
  const currentId = await page.locator('.queue-list > li.queue-item[aria-current="true"]').getAttribute("id", { timeout: 1000 }).catch(() => null);
  let index = currentId ? ids.indexOf(Number(currentId.replace("queue-comment-", ""))) : -1;
  if (index === -1) {
    await page.keyboard.press("j");
    index = 0;
    await expect(rows.nth(0)).toHaveAttribute("aria-current", "true");
  }
  while (index !== target) {
    await page.keyboard.press(index < target ? "j" : "k");
    index += index < target ? 1 : -1;
    await expect(rows.nth(index)).toHaveAttribute("aria-current", "true");
  }
  await expect(queueRow(page, commentId)).toBeFocused();
  await expect(page.locator('.queue-list > li.queue-item[aria-current="true"]')).toHaveCount(1);
}

test("a moderation session from the keyboard alone: move, approve, spam, trash, undo, reply, help", async ({ page }) => {
  // A long session of server round trips: on a busy two-core machine it needs more than the default 30 s.
  test.slow();
  const article = await createCommentableArticle();
  const author = await createTestUser();
  const [first, second, third] = await pendingComments(article, author, 3);
  if (first === undefined || second === undefined || third === undefined) throw new Error("comments not created");
  const moderator = await signInAsModerator(page);
  await page.goto("/moderation");

  await expect(page.getByText("Press ? for keyboard shortcuts")).toBeVisible();
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("Undo the last action");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // j starts at the first row; k goes back.
  await page.keyboard.press("j");
  await expect(queueRow(page, first)).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("j");
  await expect(queueRow(page, second)).toHaveAttribute("aria-current", "true");
  await expect(queueRow(page, first)).not.toHaveAttribute("aria-current", "true");
  await page.keyboard.press("k");
  await expect(queueRow(page, first)).toHaveAttribute("aria-current", "true");
  await expect(queueRow(page, first)).toBeFocused();

  await page.keyboard.press("a");
  await waitForDone(page, "approve");
  await expect(toast(page).getByRole("status")).toHaveText("1 comment approved.");
  await expect(queueRow(page, first)).toHaveCount(0);
  // The row that took its place is the current one.
  const current = page.locator('.queue-list > li.queue-item[aria-current="true"]');
  await expect(current).toHaveCount(1);
  await expect(current).toBeFocused();
  await expect(current).toBeInViewport();

  await moveTo(page, second);
  await page.keyboard.press("s");
  await waitForDone(page, "spam");
  await expect(toast(page).getByRole("status")).toHaveText("1 comment marked as spam.");
  await expect(queueRow(page, second)).toHaveCount(0);

  await moveTo(page, third);
  await page.keyboard.press("t");
  await waitForDone(page, "trash");
  await expect(toast(page).getByRole("status")).toHaveText("1 comment moved to the Trash.");
  await expect(toast(page).getByRole("button", { name: "Undo" })).toBeVisible();
  await expect(queueRow(page, third)).toHaveCount(0);

  await page.keyboard.press("u");
  await waitForDone(page, "undo");
  await expect(page.locator(".admin-done")).toHaveText("Undone: 1 comment put back as it was.");
  await expect(queueRow(page, third)).toBeVisible();
  await page.keyboard.press("u");
  await expect(page.getByText("There is nothing to undo.")).toBeVisible();

  // r opens the reply form; while typing there, letters are text, not shortcuts.
  await moveTo(page, third);
  await page.keyboard.press("r");
  const reply = queueRow(page, third).getByLabel("Your reply");
  await expect(reply).toBeFocused();
  await page.keyboard.press("j");
  await page.keyboard.press("a");
  await expect(reply).toHaveValue("ja");
  await expect(queueRow(page, third)).toHaveAttribute("aria-current", "true");
  expect(statusOf(third)).toBe("pending");

  expect([statusOf(first), statusOf(second), statusOf(third)]).toEqual(["approved", "spam", "pending"]);

  await page.goto("/moderation/log");
  const entries = page.getByRole("row").filter({ hasText: moderator.displayName });
  await expect(entries.filter({ hasText: `#${first}` }).filter({ hasText: "Approved" }).first()).toContainText("Pending → Approved");
  await expect(entries.filter({ hasText: `#${second}` }).filter({ hasText: "Marked as spam" }).first()).toContainText("Pending → Spam");
  const undoEntry = entries.filter({ hasText: `#${third}` }).filter({ hasText: "Undid" });
  await expect(undoEntry).toHaveCount(1);
  await expect(undoEntry).toContainText("Trash → Pending");
  await expect(undoEntry).toContainText("Undo of “Trashed”");
  await expect(entries.filter({ hasText: `#${third}` }).filter({ hasText: "Trashed" }).filter({ hasText: "Undone" })).toHaveCount(1);
});

test("a bulk action is undone from the toast's Undo button", async ({ page, request }) => {
  const article = await createCommentableArticle();
  const ids = await pendingComments(article, await createTestUser(), 2);
  await signInAsModerator(page);
  await page.goto("/moderation");
  for (const id of ids) await queueRow(page, id).getByRole("checkbox").check();
  const bulk = page.locator(".queue-bulk");
  await bulk.getByLabel("With the selected comments").selectOption({ label: "Approve" });
  await bulk.getByRole("button", { name: "Apply" }).click();
  await waitForDone(page, "approve");
  await expect(toast(page).getByRole("status")).toHaveText("2 comments approved.");
  expect(ids.map(statusOf)).toEqual(["approved", "approved"]);
  const articleUrl = `/articles/${article.slug}`;
  const published = await (await request.get(articleUrl)).text();
  expect(published).toContain("Keyboard 0");

  await toast(page).getByRole("button", { name: "Undo" }).click();
  await waitForDone(page, "undo");
  await expect(page.locator(".admin-done")).toHaveText("Undone: 2 comments put back as they were.");
  await expect(toast(page)).toHaveCount(0);
  for (const id of ids) await expect(queueRow(page, id)).toBeVisible();
  expect(ids.map(statusOf)).toEqual(["pending", "pending"]);
  // Readers no longer see them: the article's cached page was invalidated.
  expect(await (await request.get(articleUrl)).text()).not.toContain("Keyboard 0");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the notice after an action has an Undo form; an unknown or foreign batch gets none", async ({ page }) => {
    const article = await createCommentableArticle();
    const [id] = await pendingComments(article, await createTestUser(), 1);
    if (id === undefined) throw new Error("comment not created");
    await signInAsModerator(page);
    await page.goto("/moderation");
    await expect(page.getByText("Press ? for keyboard shortcuts")).toHaveCount(0);

    await queueRow(page, id).getByRole("button", { name: "Spam", exact: true }).click();
    await waitForDone(page, "spam");
    await expect(toast(page).getByRole("status")).toHaveText("1 comment marked as spam.");
    expect(statusOf(id)).toBe("spam");
    await toast(page).getByRole("button", { name: "Undo" }).click();
    await waitForDone(page, "undo");
    await expect(page.locator(".admin-done")).toHaveText("Undone: 1 comment put back as it was.");
    expect(statusOf(id)).toBe("pending");

    await page.goto(`/moderation?done=spam&count=1&undo=${randomUUID()}`);
    await expect(page.locator(".admin-done")).toHaveText("1 comment marked as spam.");
    await expect(page.getByRole("button", { name: "Undo" })).toHaveCount(0);
  });
});
