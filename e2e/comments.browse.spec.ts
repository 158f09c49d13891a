import { expect, test } from "@playwright/test";
import { banUser, createTestUser, ipHeaders, newClient, signInThroughForm } from "./support/accounts";
import {
  commentById,
  commentByText,
  commentsSection,
  createCommentableArticle,
  expectFormRefusal,
  makeTrusted,
  postComment,
  replySection,
} from "./support/comments";
import { insertComment, setCommentStatus } from "./support/database";
import { uniqueSuffix } from "./support/test-data";

// The "Leave a Reply" journey, run with JavaScript on (server action called by the client) and
// off (plain form posts answered with a redirect, or the form re-rendered with its message).

test.use({ extraHTTPHeaders: async ({}, use) => use(ipHeaders()) });

const awaiting = "Your comment is awaiting moderation.";

test("a first comment waits for moderation, is approved, then shows to everyone; a reply threads under it", async ({ page, browser }) => {
  // Four people sign in (each a password hash check) and the page is loaded many times.
  test.slow();
  const article = await createCommentableArticle();
  const reader = await createTestUser();
  await signInThroughForm(page, reader, { callbackUrl: `/articles/${article.slug}` });
  await expect(commentsSection(page).getByText("Be the first to comment", { exact: true })).toBeVisible();

  const text = `My first thoughts ${uniqueSuffix()}`;
  const commentId = await postComment(page, text);
  expect(commentId).not.toBeNull();
  const mine = commentById(page, commentId ?? 0);
  await expect(mine).toContainText(text);
  await expect(mine).toContainText(awaiting);
  await expect(mine).toContainText(reader.displayName);
  // The textarea is empty again, ready for the next comment.
  await expect(replySection(page).getByLabel("Comment", { exact: true })).toHaveValue("");

  const anonymous = await newClient(browser);
  await anonymous.page.goto(`/articles/${article.slug}`);
  await expect(commentsSection(anonymous.page)).not.toContainText(text);
  await expect(commentsSection(anonymous.page).getByText("Be the first to comment", { exact: true })).toBeVisible();

  const stranger = await newClient(browser);
  await signInThroughForm(stranger.page, await createTestUser(), { callbackUrl: `/articles/${article.slug}` });
  await expect(commentsSection(stranger.page)).not.toContainText(text);

  const moderator = await createTestUser({ role: "moderator" });
  expect(await setCommentStatus({ commentId: commentId ?? 0, status: "approved", moderatorId: moderator.id })).toBe(true);

  await anonymous.page.goto(`/articles/${article.slug}`);
  const section = commentsSection(anonymous.page);
  await expect(section.getByRole("heading", { level: 2 })).toHaveText(`One thought on “${article.title}”`);
  await expect(commentById(anonymous.page, commentId ?? 0)).toContainText(text);
  await expect(commentById(anonymous.page, commentId ?? 0)).not.toContainText(awaiting);
  // Readers without an author page are not linked; the date is the comment's permalink.
  await expect(commentById(anonymous.page, commentId ?? 0).getByRole("link", { name: reader.displayName })).toHaveCount(0);
  await expect(commentById(anonymous.page, commentId ?? 0).locator("a.comment-permalink")).toHaveAttribute("href", `#comment-${commentId}`);

  // The article's author replies: published at once, nested under the comment, name linked.
  const author = await newClient(browser);
  await signInThroughForm(author.page, article.author, { callbackUrl: `/articles/${article.slug}` });
  await commentById(author.page, commentId ?? 0).getByRole("link", { name: `Reply to ${reader.displayName}` }).click();
  await expect(replySection(author.page)).toContainText(`Replying to ${reader.displayName}`);
  const replyText = `Thanks for reading ${uniqueSuffix()}`;
  const replyId = await postComment(author.page, replyText);
  expect(replyId).not.toBeNull();
  await author.context.close();

  await anonymous.page.goto(`/articles/${article.slug}`);
  await expect(section.getByRole("heading", { level: 2 })).toHaveText(`2 thoughts on “${article.title}”`);
  const nested = anonymous.page.locator(`#comments li:has(> #comment-${commentId}) > ol > li > #comment-${replyId}`);
  await expect(nested).toContainText(replyText);
  await expect(nested.getByRole("link", { name: article.author.displayName })).toHaveAttribute("href", `/authors/${article.author.slug}`);

  // Anonymous visitors are offered sign-in, which brings them back to the form.
  await expect(replySection(anonymous.page)).toContainText("You must be logged in to post a comment.");
  await expect(replySection(anonymous.page).getByRole("link", { name: "logged in" })).toHaveAttribute(
    "href",
    `/login?callbackUrl=${encodeURIComponent(`/articles/${article.slug}#respond`)}`,
  );
  await anonymous.context.close();
  await stranger.context.close();
});

test("a reply to a reply at the deepest level joins that level", async ({ page }) => {
  const article = await createCommentableArticle();
  const reader = await createTestUser();
  await makeTrusted(reader, article.id);
  // A chain five levels deep, by the article's author (published at once, no flood rule for
  // inserted rows).
  let parentId: number | null = null;
  const chain: number[] = [];
  for (let depth = 1; depth <= 5; depth += 1) {
    parentId = await insertComment({
      articleId: article.id,
      authorId: article.author.id,
      parentId,
      body: `Level ${depth} ${uniqueSuffix()}`,
      status: "approved",
      createdAt: new Date(Date.now() - 600_000 + depth * 1000),
    });
    chain.push(parentId);
  }
  await signInThroughForm(page, reader, { callbackUrl: `/articles/${article.slug}` });
  await commentById(page, chain[4] ?? 0).getByRole("link", { name: /^Reply to/ }).click();
  const text = `Deep reply ${uniqueSuffix()}`;
  const replyId = await postComment(page, text);
  // Siblings of level 5: the reply hangs from level 4.
  const levelFourItem = page.locator(`li:has(> #comment-${chain[3]})`);
  await expect(levelFourItem.locator(`:scope > ol > li > #comment-${replyId}`)).toContainText(text);
  await expect(levelFourItem.locator(`:scope > ol > li > #comment-${chain[4]}`)).toHaveCount(1);
});

test("comments with too many links or a disallowed word are held; empty, duplicate and hurried ones are refused with the text kept", async ({ page }) => {
  const article = await createCommentableArticle();
  const reader = await createTestUser();
  await makeTrusted(reader, article.id);
  await signInThroughForm(page, reader, { callbackUrl: `/articles/${article.slug}` });

  await postComment(page, "   \n  ");
  await expect(replySection(page).locator(".form-error")).toHaveText("Please type your comment.");

  const clean = `Trusted readers publish at once ${uniqueSuffix()}`;
  const cleanId = await postComment(page, clean);
  await expect(commentById(page, cleanId ?? 0)).toContainText(clean);
  await expect(commentById(page, cleanId ?? 0)).not.toContainText(awaiting);

  // The same words again: refused before the flood rule is even considered.
  await page.goto(`/articles/${article.slug}`);
  expect(await postComment(page, clean)).toBeNull();
  await expectFormRefusal(page, "Duplicate comment detected; it looks as though you've already said that!", clean);

  const hurried = `Second thought right away ${uniqueSuffix()}`;
  await page.goto(`/articles/${article.slug}`);
  expect(await postComment(page, hurried)).toBeNull();
  await expectFormRefusal(page, "You are posting comments too quickly. Slow down.", hurried);
});

test("three links hold a trusted reader's comment for moderation", async ({ page }) => {
  const article = await createCommentableArticle();
  const reader = await createTestUser();
  await makeTrusted(reader, article.id);
  await signInThroughForm(page, reader, { callbackUrl: `/articles/${article.slug}` });
  const text = `Sources: https://example.com/a https://example.org/b www.example.net/c ${uniqueSuffix()}`;
  const id = await postComment(page, text);
  await expect(commentById(page, id ?? 0)).toContainText(`${awaiting} Held for review: it contains 3 links.`);
  const links = commentById(page, id ?? 0).locator(".comment-body a");
  await expect(links).toHaveCount(3);
  await expect(links.first()).toHaveAttribute("rel", "nofollow ugc noopener");
  await expect(links.nth(2)).toHaveAttribute("href", /^https:\/\/www\.example\.net\/c/);
});

test("a banned reader is told why and the typed text survives; closed articles take no comments", async ({ page }) => {
  const article = await createCommentableArticle();
  const reader = await createTestUser();
  await signInThroughForm(page, reader, { callbackUrl: `/articles/${article.slug}` });
  const typed = `Words typed before the ban ${uniqueSuffix()}`;
  await banUser({ userId: reader.id, reason: "spamming the threads" });
  expect(await postComment(page, typed)).toBeNull();
  await expectFormRefusal(page, "Your account is banned. Reason: spamming the threads", typed);

  const closed = await createCommentableArticle({ commentsOpen: false });
  await page.goto(`/articles/${closed.slug}`);
  await expect(replySection(page)).toContainText("Comments are closed.");
  await expect(replySection(page).getByRole("button", { name: "Post Comment" })).toHaveCount(0);
});

test("markup in a comment is shown as text and runs nothing", async ({ page, browser }) => {
  const article = await createCommentableArticle();
  const reader = await createTestUser();
  await makeTrusted(reader, article.id);
  await signInThroughForm(page, reader, { callbackUrl: `/articles/${article.slug}` });
  const hostile = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> <b>bold</b> javascript:alert(1) ${uniqueSuffix()}`;
  const id = await postComment(page, hostile);
  const anonymous = await newClient(browser);
  await anonymous.page.goto(`/articles/${article.slug}`);
  const comment = commentById(anonymous.page, id ?? 0);
  await expect(comment.locator(".comment-body")).toContainText(hostile);
  await expect(comment.locator(".comment-body script, .comment-body img, .comment-body b, .comment-body a")).toHaveCount(0);
  if (test.info().project.use.javaScriptEnabled !== false) {
    expect(await anonymous.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  }
  await anonymous.context.close();
});

test("the author edits a comment within the window and deletes one with a reply, which leaves a placeholder", async ({ page, browser }) => {
  const article = await createCommentableArticle();
  const reader = await createTestUser();
  await makeTrusted(reader, article.id);
  await signInThroughForm(page, reader, { callbackUrl: `/articles/${article.slug}` });
  const id = await postComment(page, `Original words ${uniqueSuffix()}`);
  await commentById(page, id ?? 0).getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your comment");

  const field = page.getByRole("main").getByLabel("Comment", { exact: true });
  await field.fill("");
  await page.getByRole("button", { name: "Save Comment" }).click();
  await expect(page.getByRole("main").locator(".form-error")).toHaveText("Please type your comment.");

  const edited = `Edited words ${uniqueSuffix()}`;
  await field.fill(edited);
  await page.getByRole("button", { name: "Save Comment" }).click();
  await page.waitForURL((url) => url.pathname === `/articles/${article.slug}` && url.hash === `#comment-${id}`);
  await expect(commentById(page, id ?? 0)).toContainText(edited);
  await expect(commentById(page, id ?? 0).locator(".comment-edited")).toContainText("edited");

  // Another reader answers it; then its author deletes it.
  const reply = `A reply that stays ${uniqueSuffix()}`;
  const replyId = await insertComment({ articleId: article.id, authorId: article.author.id, parentId: id, body: reply, status: "approved" });
  await page.goto(`/comments/${id}/edit`);
  await page.getByRole("button", { name: "Delete Comment" }).click();
  await expect(page.getByRole("main").locator(".form-error")).toHaveText(/Tick the box/);
  await page.getByLabel("Yes, delete this comment").check();
  await page.getByRole("button", { name: "Delete Comment" }).click();
  await page.waitForURL((url) => url.pathname === `/articles/${article.slug}`);

  const anonymous = await newClient(browser);
  await anonymous.page.goto(`/articles/${article.slug}`);
  await expect(commentById(anonymous.page, id ?? 0)).toHaveText("This comment was deleted.");
  await expect(commentByText(anonymous.page, reply)).toHaveCount(1);
  await expect(commentsSection(anonymous.page)).not.toContainText(edited);
  await anonymous.context.close();

  // Someone else's comment cannot be edited; a deleted or unknown one is a 404.
  expect((await page.goto(`/comments/${replyId}/edit`))?.status()).toBe(403);
  expect((await page.goto(`/comments/${id}/edit`))?.status()).toBe(404);
  expect((await page.goto("/comments/999999999/edit"))?.status()).toBe(404);
});

test("a commenter's own list tells why a comment is held and what became of each", async ({ page }) => {
  const article = await createCommentableArticle();
  const reader = await createTestUser();
  await signInThroughForm(page, reader, { callbackUrl: `/articles/${article.slug}` });
  const text = `Held then removed ${uniqueSuffix()}`;
  const id = await postComment(page, text);
  await expect(commentById(page, id ?? 0)).toContainText(`${awaiting} Held for review: first comment.`);

  await page.goto("/account/comments");
  const entry = page.getByRole("main").getByRole("listitem").filter({ hasText: text });
  await expect(entry).toContainText("Awaiting moderation. Held for review: first comment");
  await expect(entry.getByRole("link", { name: article.title })).toHaveAttribute("href", `/articles/${article.slug}`);

  const moderator = await createTestUser({ role: "moderator" });
  await setCommentStatus({ commentId: id ?? 0, status: "trash", moderatorId: moderator.id });
  await page.reload();
  await expect(entry).toContainText("Removed by a moderator");
  await expect(entry.getByRole("link", { name: "Edit or delete" })).toHaveCount(0);
});
