import { expect, test } from "@playwright/test";
import { createTestUser, ipHeaders, signInThroughForm } from "./support/accounts";
import { createOldPublishedArticle, editorField, editorReady, editPath, pressAndWaitForSaved } from "./support/publishing";
import { uniqueSuffix } from "./support/test-data";

// Revisions: each Update keeps the text; the revisions page shows what changed since and restores
// an earlier body (as a new revision), which readers then get. With JavaScript on and off.

test.use({ extraHTTPHeaders: async ({}, use) => use(ipHeaders()) });

test("an author restores an earlier body from the revisions page", async ({ page, javaScriptEnabled }) => {
  // Many page loads: under the full suite's load it can pass the default 30 s.
  test.slow();
  const author = await createTestUser({ role: "author" });
  const suffix = uniqueSuffix();
  const original = `The original sentence ${suffix}.`;
  const article = await createOldPublishedArticle(author, { body: original });

  await signInThroughForm(page, author, { callbackUrl: editPath(article.id) });
  await editorReady(page, javaScriptEnabled);
  await editorField(page, "Body (Markdown)").fill(`The rewritten sentence ${suffix}.`);
  await pressAndWaitForSaved(page, "Update", "updated");

  await page.goto(`/articles/${article.slug}`);
  await expect(page.getByRole("main")).toContainText(`The rewritten sentence ${suffix}.`);

  await page.goto(editPath(article.id));
  await page.getByRole("link", { name: "Revisions", exact: true }).click();
  await expect(page).toHaveURL(`/dashboard/articles/${article.id}/revisions`);
  const revisions = page.locator(".revision");
  await expect(revisions).toHaveCount(2);
  // The newest is the current text; the older one shows what the Update replaced.
  await expect(revisions.nth(0)).toContainText("Same as the current text.");
  const older = revisions.nth(1);
  const diff = older.getByLabel("Body changes");
  await expect(diff.locator("del")).toHaveText("original");
  await expect(diff.locator("ins")).toHaveText("rewritten");

  await older.getByRole("button", { name: "Restore this revision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Revision restored" })).toContainText("Readers see the restored text now.");
  await expect(revisions).toHaveCount(3);
  await expect(revisions.nth(0)).toContainText("Restored from an earlier revision.");

  await page.goto(`/articles/${article.slug}`);
  await expect(page.getByRole("main")).toContainText(original);
  await expect(page.getByRole("main")).not.toContainText("rewritten");
});

test("another author cannot open an article's revisions", async ({ page }) => {
  const owner = await createTestUser({ role: "author" });
  const other = await createTestUser({ role: "author" });
  const article = await createOldPublishedArticle(owner);
  await signInThroughForm(page, other, { callbackUrl: `/dashboard/articles/${article.id}/revisions`, expectUrl: /\/forbidden$/ });
  const response = await page.goto("/dashboard/articles/999999999/revisions");
  expect(response?.status()).toBe(404);
});
