// "./support/database" first: it points the data layer at the e2e database before anything opens it.
import "./support/database";
import { expect, test, type Page } from "@playwright/test";
import { seedArticleSlug, seedArticleTitle } from "../db/demo/seed-article";
import { createTestUser, newClient } from "./support/accounts";
import { expectVisibleFocus } from "./support/accessibility";
import { commentByText, createCommentableArticle } from "./support/comments";
import { focusedText, signInWithKeyboard, tabTo } from "./support/keyboard";
import { uniqueSuffix } from "./support/test-data";

// A reader and a moderator who use only the keyboard: Tab, Shift+Tab, Enter, Space and typing.
// No click, no mouse; page.goto only where a keyboard user types an address. Every element the
// journey stops on must show its focus.
//
// The reader reads the seed article and follows its "logged in" link, but posts on a fresh
// article: nothing in the suite may change the seed article's comments (seed-article spec).

test("a reader reads, signs in, comments, and a moderator approves the comment, all with the keyboard", async ({ browser }) => {
  test.setTimeout(120_000);
  const reader = await createTestUser();
  const moderator = await createTestUser({ role: "moderator" });
  const article = await createCommentableArticle();
  const text = `Typed with the keyboard only ${uniqueSuffix()}`;

  const { context: readerContext, page } = await newClient(browser);

  await test.step("the skip link comes first and moves to the content", async () => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    expect(await focusedText(page)).toBe("Skip to content");
    await expectVisibleFocus(page);
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
    // The seed article is among the latest on the first page.
    await tabTo(page, `main a[href="/articles/${seedArticleSlug}"]`, { maxPresses: 40 });
  });

  await test.step("open the seed article and reach Leave a Reply's sign-in link", async () => {
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === `/articles/${seedArticleSlug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(seedArticleTitle);
    await tabTo(page, "#respond a[href^='/login']");
    expect(await focusedText(page)).toBe("logged in");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/login");
  });

  await test.step("sign in and come back to the reply form", async () => {
    await signInWithKeyboard(page, reader);
    await page.waitForURL((url) => url.pathname === `/articles/${seedArticleSlug}` && url.hash === "#respond");
    await expect(page.getByRole("region", { name: "Leave a Reply" }).getByText(`Signed in as ${reader.displayName}.`)).toBeVisible();
  });

  await test.step("on another article, write the comment and post it", async () => {
    await page.goto(`/articles/${article.slug}`);
    await tabTo(page, "#respond textarea[name=body]");
    await page.keyboard.type(text);
    await tabTo(page, "#respond button[type=submit]", { maxPresses: 1 });
    // Back to the text and forward again, as someone checking what they typed would.
    await tabTo(page, "#respond textarea[name=body]", { backwards: true, maxPresses: 1 });
    await tabTo(page, "#respond button[type=submit]", { maxPresses: 1 });
    expect(await focusedText(page)).toBe("Post Comment");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.hash.startsWith("#comment-"));
    await expect(commentByText(page, text).getByText(/Your comment is awaiting moderation/)).toBeVisible();
  });
  const commentId = Number(new URL(page.url()).hash.replace("#comment-", ""));
  await readerContext.close();

  const { context: moderatorContext, page: modPage } = await newClient(browser);
  await test.step("the moderator signs in and opens the queue from the header", async () => {
    await modPage.goto("/login");
    await signInWithKeyboard(modPage, moderator);
    await modPage.waitForURL((url) => url.pathname === "/");
    await tabTo(modPage, "header a[href='/moderation']");
    await modPage.keyboard.press("Enter");
    await modPage.waitForURL((url) => url.pathname === "/moderation");
  });

  await test.step("the moderator pages to the comment and approves it", async () => {
    await findQueueRowWithKeyboard(modPage, commentId);
    await tabTo(modPage, `#queue-comment-${commentId} button[name=command][value=approve]`);
    expect(await focusedText(modPage)).toBe("Approve");
    // Buttons take Space as well as Enter.
    await modPage.keyboard.press("Space");
    await modPage.waitForURL((url) => url.searchParams.get("done") === "approve");
  });
  await moderatorContext.close();

  const anonymous = await browser.newContext();
  const readerView = await anonymous.newPage();
  await readerView.goto(`/articles/${article.slug}`);
  await expect(commentByText(readerView, text)).toBeVisible();
  await anonymous.close();
});

// The pending tab lists the oldest first, and other specs hold comments too: follow "Next page"
// with the keyboard until the comment's row is on the page.
async function findQueueRowWithKeyboard(page: Page, commentId: number): Promise<void> {
  for (let pages = 0; pages < 50; pages += 1) {
    if ((await page.locator(`#queue-comment-${commentId}`).count()) > 0) return;
    await tabTo(page, "nav.pagination a[rel=next]", { maxPresses: 1000 });
    const current = page.url();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.href !== current);
  }
  throw new Error(`Comment ${commentId} is not in the pending tab`);
}
