import { expect, test } from "@playwright/test";
import { createTestUser } from "./support/accounts";
import { createCommentableArticle, makeTrusted } from "./support/comments";
import { setCommentStatus } from "./support/database";
import { cacheStatusOf, listedCommentCount, primeCache } from "./support/http";
import { uniqueSuffix } from "./support/test-data";
import { submitComment } from "../db/queries/comment-submission";
import { editOwnComment, deleteOwnComment } from "../db/queries/comment-author-writes";

// Comment changes reach cached pages at once, and only the pages they touch. The writes run in
// this process through the same data-layer functions the server actions call, so the server
// learns of them only through the shared invalidation log, as it would from another process.

test("a trusted reader's comment shows at once; a held one leaves the cached page alone until approved", async ({ request }) => {
  const article = await createCommentableArticle();
  const articleUrl = `/articles/${article.slug}`;
  const authorUrl = `/authors/${article.author.slug}`;
  const trusted = await createTestUser();
  await makeTrusted(trusted, article.id);
  const newcomer = await createTestUser();

  await primeCache(request, articleUrl);
  await primeCache(request, authorUrl);
  // An unrelated page, which no comment here may purge.
  await primeCache(request, "/authors/owen");

  const published = `Published at once ${uniqueSuffix()}`;
  const posted = await submitComment({ articleId: article.id, authorId: trusted.id, body: published });
  expect(posted).toMatchObject({ ok: true, status: "approved" });
  const afterPost = await request.get(articleUrl);
  expect(cacheStatusOf(afterPost)).not.toBe("HIT");
  expect(await afterPost.text()).toContain(published);
  expect(listedCommentCount(await (await request.get(authorUrl)).text(), article.slug)).toBe(2);
  expect(cacheStatusOf(await request.get("/authors/owen"))).toBe("HIT");

  await primeCache(request, articleUrl);
  const held = `Held for review ${uniqueSuffix()}`;
  const heldResult = await submitComment({ articleId: article.id, authorId: newcomer.id, body: held });
  expect(heldResult).toMatchObject({ ok: true, status: "pending" });
  const whileHeld = await request.get(articleUrl);
  expect(cacheStatusOf(whileHeld)).toBe("HIT");
  expect(await whileHeld.text()).not.toContain(held);

  if (!heldResult.ok) return;
  await setCommentStatus({ commentId: heldResult.commentId, status: "approved", moderatorId: null });
  expect(await (await request.get(articleUrl)).text()).toContain(held);
  expect(listedCommentCount(await (await request.get(authorUrl)).text(), article.slug)).toBe(3);

  // The commenter edits, then deletes: each reaches the cached page at once.
  if (!posted.ok) return;
  await primeCache(request, articleUrl);
  const edited = `Edited at once ${uniqueSuffix()}`;
  expect(await editOwnComment({ commentId: posted.commentId, authorId: trusted.id, body: edited })).toMatchObject({ ok: true });
  const afterEdit = await (await request.get(articleUrl)).text();
  expect(afterEdit).toContain(edited);
  expect(afterEdit).not.toContain(published);

  await primeCache(request, authorUrl);
  expect(await deleteOwnComment({ commentId: posted.commentId, authorId: trusted.id })).toMatchObject({ ok: true });
  expect(await (await request.get(articleUrl)).text()).not.toContain(edited);
  expect(listedCommentCount(await (await request.get(authorUrl)).text(), article.slug)).toBe(2);
});
