// "./support/database" first: it points the data layer at the e2e database before anything opens it.
import "./support/database";
import { expect, test, type APIRequestContext, type Browser, type Locator, type Page } from "@playwright/test";
import { createTestUser, ipHeaders, newClient, signInThroughForm, type TestUser } from "./support/accounts";
import {
  commentById,
  commentsSection,
  createCommentableArticle,
  makeTrusted,
  postCommentExpectingSuccess,
  type TestArticle,
} from "./support/comments";
import { insertComment } from "./support/database";
import { primeCache } from "./support/http";
import { uniqueSuffix } from "./support/test-data";

// What reaches a commenter and the moderators beyond the queue itself (issue 9): the status of
// one's own comment and the reason for a removal, a comment's edit history (moderators only), and
// readers' reports sending a comment back to the queue. With JavaScript on and off.

test.use({ extraHTTPHeaders: async ({}, use) => use(ipHeaders()) });
// Each test signs in two to five people and walks the queue: slow on a busy 2-core machine.
test.describe.configure({ timeout: 120_000 });

type QueueStatus = "pending" | "approved" | "spam" | "trash";

// Other specs fill the same database: walk the tab's pages until the comment's row shows. The
// pending tab lists the oldest first, so a comment of this spec (all dated now) is near its end:
// start from the last page (a page past the end redirects there) and walk back. The other tabs
// list the newest first.
async function openQueueRow(page: Page, status: QueueStatus, commentId: number): Promise<Locator> {
  const newestLast = status === "pending";
  await page.goto(newestLast ? `/moderation?status=${status}&page=999999` : `/moderation?status=${status}`);
  for (let walked = 0; walked < 100; walked += 1) {
    const row = page.locator(`#queue-comment-${commentId}`);
    if ((await row.count()) > 0) return row;
    const onward = page
      .getByRole("navigation", { name: /comment pages$/ })
      .getByRole("link", { name: newestLast ? "← Previous page" : "Next page →" });
    const href = (await onward.count()) > 0 ? await onward.getAttribute("href") : null;
    if (!href) throw new Error(`Comment ${commentId} is not in the ${status} tab`);
    await page.goto(href);
  }
  throw new Error(`Gave up looking for comment ${commentId} in the ${status} tab`);
}

async function signedIn(browser: Browser, user: TestUser, callbackUrl: string): Promise<Page> {
  const { page } = await newClient(browser);
  await signInThroughForm(page, user, { callbackUrl });
  return page;
}

function ownListEntry(page: Page, text: string): Locator {
  return page.getByRole("main").getByRole("listitem").filter({ hasText: text });
}

async function anonymousHtml(request: APIRequestContext, article: TestArticle): Promise<string> {
  const response = await request.get(`/articles/${article.slug}`);
  expect(response.status()).toBe(200);
  return response.text();
}

test("the commenter sees why a comment is held, its approval, and its removal with the moderator's reason", async ({ page, browser, request }) => {
  const article = await createCommentableArticle();
  const reader = await createTestUser();
  await signInThroughForm(page, reader, { callbackUrl: `/articles/${article.slug}` });
  const text = `Held, approved, then removed ${uniqueSuffix()}`;
  const id = await postCommentExpectingSuccess(page, text);
  await expect(commentById(page, id)).toContainText("Your comment is awaiting moderation. Held for review: first comment.");
  await page.goto("/account/comments");
  await expect(ownListEntry(page, text)).toContainText("Awaiting moderation. Held for review: first comment");

  const moderator = await createTestUser({ role: "moderator" });
  const moderatorPage = await signedIn(browser, moderator, "/moderation");
  try {
    let row = await openQueueRow(moderatorPage, "pending", id);
    await row.getByRole("button", { name: "Approve", exact: true }).click();
    await moderatorPage.waitForURL((url) => url.searchParams.get("done") === "approve");

    await page.reload();
    await expect(ownListEntry(page, text)).toContainText("Approved");
    await page.goto(`/articles/${article.slug}`);
    await expect(commentById(page, id)).toContainText(text);
    await expect(commentById(page, id)).not.toContainText("awaiting moderation");
    // A copy with the comment sits in the page cache; the removal must reach it.
    expect(await (await primeCache(request, `/articles/${article.slug}`)).text()).toContain(text);

    const reason = `Off-topic rant ${uniqueSuffix()}`;
    row = await openQueueRow(moderatorPage, "approved", id);
    await row.getByLabel("Reason for removal").fill(reason);
    await row.getByRole("button", { name: "Trash", exact: true }).click();
    await moderatorPage.waitForURL((url) => url.searchParams.get("done") === "trash");
    row = await openQueueRow(moderatorPage, "trash", id);
    await expect(row).toContainText(`Reason given to the commenter: ${reason}`);
    await moderatorPage.goto("/moderation/log");
    await expect(moderatorPage.getByRole("row").filter({ hasText: `#${id}` }).filter({ hasText: "Trashed" }).first()).toContainText(reason);

    // The commenter sees it removed, with the reason, on the article and in their list…
    await page.reload();
    await expect(commentById(page, id)).toContainText(`Your comment was removed by a moderator: ${reason}`);
    await page.goto("/account/comments");
    await expect(ownListEntry(page, text)).toContainText(`Removed by a moderator: ${reason}`);
    // …and nobody else does: not another reader, not the cached anonymous page.
    const otherPage = await signedIn(browser, await createTestUser(), `/articles/${article.slug}`);
    await expect(commentsSection(otherPage)).not.toContainText(text);
    await otherPage.context().close();
    const anonymous = await anonymousHtml(request, article);
    expect(anonymous).not.toContain(text);
    expect(anonymous).not.toContain(reason);
  } finally {
    await moderatorPage.context().close();
  }
});

test("earlier texts of an edited comment are kept for moderators and never shown to readers", async ({ page, browser, request }) => {
  const article = await createCommentableArticle();
  const reader = await createTestUser();
  await makeTrusted(reader, article.id);
  await signInThroughForm(page, reader, { callbackUrl: `/articles/${article.slug}` });
  const first = `First wording ${uniqueSuffix()}`;
  const id = await postCommentExpectingSuccess(page, first);
  const second = `Second wording ${uniqueSuffix()}`;
  const third = `Third wording ${uniqueSuffix()}`;
  for (const text of [second, third]) {
    await page.goto(`/comments/${id}/edit`);
    await page.getByRole("main").getByLabel("Comment", { exact: true }).fill(text);
    await page.getByRole("button", { name: "Save Comment" }).click();
    await page.waitForURL((url) => url.pathname === `/articles/${article.slug}` && url.hash === `#comment-${id}`);
  }
  const entry = commentById(page, id);
  await expect(entry).toContainText(third);
  // The mark says when the last edit was made.
  await expect(entry.locator(".comment-edited")).toContainText(/^edited .*\d{1,2}:\d{2}/);
  await expect(entry.locator(".comment-edited time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  await expect(commentsSection(page)).not.toContainText(first);
  await expect(commentsSection(page)).not.toContainText(second);
  const html = await anonymousHtml(request, article);
  expect(html).toContain(third);
  expect(html).not.toContain(first);
  expect(html).not.toContain(second);

  const moderatorPage = await signedIn(browser, await createTestUser({ role: "moderator" }), "/moderation");
  try {
    const row = await openQueueRow(moderatorPage, "approved", id);
    await expect(row.locator(".queue-body")).toContainText(third);
    const history = row.locator("details.queue-history");
    await history.locator("summary").click();
    await expect(history.locator("summary")).toHaveText("Edit history (2)");
    const versions = history.locator(".queue-versions > li");
    await expect(versions).toHaveCount(2);
    await expect(versions.nth(0)).toContainText(first);
    await expect(versions.nth(1)).toContainText(second);
  } finally {
    await moderatorPage.context().close();
  }
});

async function report(page: Page, commentId: number, reason: string): Promise<void> {
  const entry = commentById(page, commentId);
  await entry.locator("details.comment-report > summary").click();
  await entry.getByLabel("Why should moderators look at it?").selectOption({ label: reason });
  await entry.getByRole("button", { name: "Send report" }).click();
}

test("three readers' reports send a comment back to Pending, and the queue shows them", async ({ page, browser, request }) => {
  const article = await createCommentableArticle();
  const commenter = await createTestUser();
  const text = `A comment readers object to ${uniqueSuffix()}`;
  const id = await insertComment({ articleId: article.id, authorId: commenter.id, body: text, status: "approved" });
  const articleUrl = `/articles/${article.slug}`;

  // The anonymous page offers no report control (it is the same cached page for everyone).
  const cached = await (await primeCache(request, articleUrl)).text();
  expect(cached).toContain(text);
  expect(cached).not.toContain("comment-report");

  // The commenter cannot report their own comment.
  await signInThroughForm(page, commenter, { callbackUrl: articleUrl });
  await expect(commentById(page, id).locator("details.comment-report")).toHaveCount(0);

  const reasons = ["Spam", "Harassment or hate", "Spam"];
  const readers: Page[] = [];
  try {
    for (const [index, reason] of reasons.entries()) {
      const readerPage = await signedIn(browser, await createTestUser(), articleUrl);
      readers.push(readerPage);
      if (index === 0) {
        // Opened in a second tab before reporting, to try again from there afterwards.
        const secondTab = await readerPage.context().newPage();
        await secondTab.goto(articleUrl);
        await report(readerPage, id, reason);
        await readerPage.waitForURL((url) => url.hash === `#comment-${id}`);
        await expect(commentById(readerPage, id)).toContainText("You reported this comment.");
        await expect(commentById(readerPage, id).locator("details.comment-report")).toHaveCount(0);
        await report(secondTab, id, "Other");
        await expect(commentById(secondTab, id).locator(".form-message")).toHaveText("You have already reported this comment.");
        await secondTab.close();
        // Still published: one report is below the threshold.
        expect(await (await request.get(articleUrl)).text()).toContain(text);
      } else {
        await report(readerPage, id, reason);
        await readerPage.waitForURL((url) => url.hash !== "");
      }
    }

    // The third report sent it back to the queue: readers no longer see it, cached page included.
    await expect(commentsSection(readers[2]!)).not.toContainText(text);
    expect(await (await request.get(articleUrl)).text()).not.toContain(text);
    await page.reload();
    await expect(commentById(page, id)).toContainText("Your comment is awaiting moderation. Held for review: reported by readers.");

    const moderatorPage = await signedIn(browser, await createTestUser({ role: "moderator" }), "/moderation");
    try {
      let row = await openQueueRow(moderatorPage, "pending", id);
      await expect(row).toContainText("Reported by 3 readers: Spam (2), Harassment or hate (1)");
      await expect(row).toContainText("Held: reported by readers");
      await moderatorPage.goto("/moderation/log");
      await expect(moderatorPage.getByRole("row").filter({ hasText: `#${id}` }).first()).toContainText("Reader reports");

      // Approved after review: the reports are dismissed and it is published again.
      row = await openQueueRow(moderatorPage, "pending", id);
      await row.getByRole("button", { name: "Approve", exact: true }).click();
      await moderatorPage.waitForURL((url) => url.searchParams.get("done") === "approve");
      row = await openQueueRow(moderatorPage, "approved", id);
      await expect(row).not.toContainText("Reported by");
      expect(await (await request.get(articleUrl)).text()).toContain(text);
    } finally {
      await moderatorPage.context().close();
    }
  } finally {
    for (const readerPage of readers) await readerPage.context().close();
  }
});
