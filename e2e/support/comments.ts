// Comment fixtures for the end-to-end specs, written through the data layer of the e2e database.
import "./database";
import { expect, type Locator, type Page } from "@playwright/test";
import { createArticle } from "../../db/queries/article-writes";
import { insertComment } from "../../db/queries/comment-writes";
import { createTestUser, type TestUser } from "./accounts";
import { uniqueSuffix } from "./test-data";

export type TestArticle = { id: number; slug: string; title: string; author: TestUser };

// A fresh published article by a fresh author, so no other test's comments show on it. It is
// dated in 2000, so it sorts after the seed articles in every listing the browsing specs read.
export async function createCommentableArticle({ commentsOpen = true }: { commentsOpen?: boolean } = {}): Promise<TestArticle> {
  const author = await createTestUser({ role: "author" });
  const suffix = uniqueSuffix();
  const slug = `e2e-comments-${suffix}`;
  const title = `Comments test ${suffix}`;
  const id = await createArticle({
    slug,
    title,
    body: "An article to comment on.",
    status: "published",
    publishedAt: new Date(Date.UTC(2000, 0, 1) + Math.floor(Math.random() * 86_400_000)),
    authorId: author.id,
    commentsOpen,
  });
  return { id, slug, title, author };
}

// Gives a reader one approved comment from long ago: later comments skip the first-comment hold
// and the 15-second flood rule.
export async function makeTrusted(user: TestUser, articleId: number): Promise<number> {
  return insertComment({
    articleId,
    authorId: user.id,
    body: `Earlier approved comment ${uniqueSuffix()}`,
    status: "approved",
    createdAt: new Date(Date.now() - 3_600_000),
  });
}

export function commentsSection(page: Page): Locator {
  return page.getByRole("main").locator("section#comments");
}

export function replySection(page: Page): Locator {
  return page.getByRole("main").getByRole("region", { name: "Leave a Reply" });
}

export function commentById(page: Page, id: number): Locator {
  return page.locator(`article#comment-${id}`);
}

export function commentByText(page: Page, text: string): Locator {
  return commentsSection(page).getByRole("article").filter({ hasText: text });
}

// Types into "Comment" and presses "Post Comment"; resolves once the server has answered, with
// the id of the comment the browser was sent to, or null when the form came back with a message.
// A redirect is a 303 without JavaScript, and an x-action-redirect header on a server-action call.
export async function postComment(page: Page, text: string): Promise<number | null> {
  const form = replySection(page);
  await form.getByLabel("Comment", { exact: true }).fill(text);
  const pathname = new URL(page.url()).pathname;
  // With JavaScript the server action posts to the page; without it the form posts to its endpoint.
  const targets = [pathname, `${pathname}/comments`];
  const answered = page.waitForResponse(
    (response) => response.request().method() === "POST" && targets.includes(new URL(response.url()).pathname),
  );
  await form.getByRole("button", { name: "Post Comment" }).click();
  const response = await answered;
  const redirectedTo = response.status() === 303 ? response.headers().location : response.headers()["x-action-redirect"];
  if (!redirectedTo) return null;
  const match = /#comment-(\d+)/.exec(redirectedTo);
  if (!match) throw new Error(`Posting redirected to ${redirectedTo}, not to a comment`);
  await page.waitForURL((url) => url.hash === `#comment-${match[1]}`);
  return Number(match[1]);
}

// The message the comment form is showing (a refusal, or the notice shown before posting).
export async function commentFormMessage(page: Page): Promise<string | null> {
  const message = replySection(page).locator(".form-message");
  return (await message.count()) > 0 ? (await message.first().textContent())?.trim() ?? "" : null;
}

// Posts and expects the comment to be stored; a refusal fails with the message the server gave.
export async function postCommentExpectingSuccess(page: Page, text: string): Promise<number> {
  const commentId = await postComment(page, text);
  if (commentId === null) {
    // The answer has arrived, but React may still be rendering it.
    await replySection(page).locator(".form-message").first().waitFor({ timeout: 5_000 }).catch(() => undefined);
    throw new Error(`The comment was refused: ${(await commentFormMessage(page)) ?? "(no message shown)"}`);
  }
  return commentId;
}

export async function expectFormRefusal(page: Page, message: string, typed: string): Promise<void> {
  const form = replySection(page);
  await expect(form.locator(".form-message")).toHaveText(message);
  await expect(form.getByLabel("Comment", { exact: true })).toHaveValue(typed);
}
