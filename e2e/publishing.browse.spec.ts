import { expect, test, type APIRequestContext, type TestInfo } from "@playwright/test";
import { createTestUser, ipHeaders, signInThroughForm } from "./support/accounts";
import {
  createOldPublishedArticle,
  editorButton,
  editorField,
  editorForm,
  editorMessage,
  editorPreview,
  editorReady,
  editPath,
  expectEditorValues,
  fillEditor,
  markdownWithTable,
  NEW_ARTICLE_PATH,
  pressAndWaitForSaved,
  storedArticle,
  storedArticleBySlug,
  unpublishIfStillPublished,
} from "./support/publishing";
import { uniqueSuffix } from "./support/test-data";

// The author's basics, with JavaScript on (server actions called by the client, live preview,
// autosave) and off (plain form posts answered with a redirect, or the editor re-rendered with
// the typed values): write, preview, publish, fix bad input, rename, delete.

test.use({ extraHTTPHeaders: async ({}, use) => use(ipHeaders()) });

function javaScriptOn(testInfo: TestInfo): boolean {
  return testInfo.project.use.javaScriptEnabled !== false;
}

async function anonymousHtml(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path);
  expect(response.status(), `GET ${path}`).toBe(200);
  return response.text();
}

test("an author writes a draft with a table, previews it and publishes it; readers see it everywhere", async ({ page, request }, testInfo) => {
  test.slow();
  const javaScript = javaScriptOn(testInfo);
  const author = await createTestUser({ role: "author" });
  await signInThroughForm(page, author, { callbackUrl: "/dashboard" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your articles");
  await page.getByRole("main").getByRole("link", { name: "New article" }).click();
  await page.waitForURL((url) => url.pathname === NEW_ARTICLE_PATH);
  await editorReady(page, javaScript);

  const suffix = uniqueSuffix();
  const title = `Capitals compared ${suffix}`;
  const tag = `E2E capitals ${suffix}`;
  const tagSlug = `e2e-capitals-${suffix}`;
  const body = markdownWithTable(suffix);
  const typed = { Title: title, Excerpt: `Two capitals side by side ${suffix}.`, "Body (Markdown)": body, Tags: tag };
  await fillEditor(page, typed);

  if (!javaScript) await editorButton(page, "Preview").click();
  else await expect(editorButton(page, "Preview")).toHaveCount(0);
  const preview = editorPreview(page);
  await expect(preview.locator("table")).toBeVisible();
  await expect(preview.locator("table th").first()).toHaveText("Country");
  await expect(preview.locator("table td").first()).toHaveText("Japan");
  await expect(preview.locator("strong")).toHaveText("bold");
  // Previewing loses nothing typed.
  await expectEditorValues(page, typed);

  let articleId: number | null = null;
  try {
    articleId = await pressAndWaitForSaved(page, "Save draft", "draft");
    expect(articleId).not.toBeNull();
    await expect(editorMessage(page)).toHaveText("Draft saved.");
    await expectEditorValues(page, { ...typed, Slug: `capitals-compared-${suffix}` });
    expect(storedArticle(articleId ?? 0)).toMatchObject({ status: "draft", title, authorId: author.id });
    const slug = `capitals-compared-${suffix}`;
    expect((await request.get(`/articles/${slug}`)).status()).toBe(404);

    await page.goto("/dashboard?status=draft");
    const row = page.locator(`#dashboard-article-${articleId}`);
    await expect(row).toContainText("Draft");
    await row.getByRole("link", { name: title }).click();
    await page.waitForURL((url) => url.pathname === editPath(articleId ?? 0));
    await editorReady(page, javaScript);

    expect(await pressAndWaitForSaved(page, "Publish now", "published")).toBe(articleId);
    await expect(editorMessage(page)).toHaveText("Published. Readers see it now.");
    await expect(editorButton(page, "Update")).toBeVisible();
    await expect(editorButton(page, "Save draft")).toHaveCount(0);

    const articleHtml = await anonymousHtml(request, `/articles/${slug}`);
    expect(articleHtml).toContain("<table>");
    expect(articleHtml).toContain(`<td>Tokyo</td>`);
    expect(await anonymousHtml(request, "/")).toContain(title);
    expect(await anonymousHtml(request, `/authors/${author.slug}`)).toContain(title);
    const tagPage = await anonymousHtml(request, `/tags/${tagSlug}`);
    expect(tagPage).toContain(title);
    expect(tagPage).toContain(tag);

    await page.goto("/dashboard?status=published");
    await expect(page.locator(`#dashboard-article-${articleId}`)).toContainText("Published");
  } finally {
    await unpublishIfStillPublished(articleId);
  }
});

test("bad input is refused with a clear message and nothing typed is lost", async ({ page }, testInfo) => {
  const author = await createTestUser({ role: "author" });
  await signInThroughForm(page, author, { callbackUrl: NEW_ARTICLE_PATH });
  await editorReady(page, javaScriptOn(testInfo));
  const suffix = uniqueSuffix();
  const typed = {
    Slug: "welcome-to-the-demo-platform",
    Excerpt: `Kept excerpt ${suffix}`,
    "Body (Markdown)": `Kept body ${suffix}\n\n- one\n- two`,
    Tags: `Kept tag ${suffix}`,
    "Original title": `原題 ${suffix}`,
    "Original URL": "https://example.com/original",
    "Original language": "ja",
  };
  await fillEditor(page, typed);
  await editorField(page, "Comments open").uncheck();

  await editorButton(page, "Save draft").click();
  await expect(editorForm(page).locator("#editor-title-error")).toHaveText("Enter a title.");
  await expect(editorMessage(page)).toHaveText("Please correct the highlighted fields.");
  await expect(editorField(page, "Title")).toHaveAttribute("aria-invalid", "true");
  await expectEditorValues(page, typed);
  await expect(editorField(page, "Comments open")).not.toBeChecked();

  const title = `A title at last ${suffix}`;
  await editorField(page, "Title").fill(title);
  await editorButton(page, "Publish now").click();
  const taken = "The slug “welcome-to-the-demo-platform” is already used by another article. Choose another.";
  await expect(editorForm(page).locator("#editor-slug-error")).toHaveText(taken);
  await expectEditorValues(page, { ...typed, Title: title });
  await expect(editorField(page, "Comments open")).not.toBeChecked();
  expect(storedArticleBySlug(`a-title-at-last-${suffix}`)).toBeUndefined();

  // An address that is not a web address, and a slug with capitals.
  await fillEditor(page, { Slug: `Mixed-Case-${suffix}`, "Original URL": "ftp://example.com/file" });
  await editorButton(page, "Save draft").click();
  await expect(editorForm(page).locator("#editor-slug-error")).toContainText("Use only lowercase letters");
  await expect(editorForm(page).locator("#editor-originalUrl-error")).toHaveText("Enter a full web address starting with http:// or https://.");
  await expect(editorField(page, "Body (Markdown)")).toHaveValue(typed["Body (Markdown)"]);

  const slug = `kept-${suffix}`;
  await fillEditor(page, { Slug: slug, "Original URL": typed["Original URL"] });
  const articleId = await pressAndWaitForSaved(page, "Save draft", "draft");
  expect(storedArticle(articleId ?? 0)).toMatchObject({
    slug,
    title,
    excerpt: typed.Excerpt,
    body: typed["Body (Markdown)"],
    originalTitle: typed["Original title"],
    originalUrl: typed["Original URL"],
    originalLanguage: "ja",
    commentsOpen: false,
    status: "draft",
  });
  await expectEditorValues(page, { ...typed, Slug: slug, Title: title });
});

test("renaming a published article's slug keeps its old address as a 301 to the new one", async ({ page, request }, testInfo) => {
  const author = await createTestUser({ role: "author" });
  const article = await createOldPublishedArticle(author);
  // The old address is in the page cache before the rename.
  expect((await request.get(`/articles/${article.slug}`)).status()).toBe(200);

  await signInThroughForm(page, author, { callbackUrl: editPath(article.id) });
  await editorReady(page, javaScriptOn(testInfo));
  await expect(editorField(page, "Slug")).toHaveValue(article.slug);
  const renamed = `${article.slug}-renamed`;
  await editorField(page, "Slug").fill(renamed);
  await pressAndWaitForSaved(page, "Update", "updated");
  await expect(editorMessage(page)).toHaveText("Updated. Readers see the changes now.");

  const old = await request.get(`/articles/${article.slug}`, { maxRedirects: 0 });
  expect(old.status()).toBe(301);
  expect(old.headers().location).toBe(`/articles/${renamed}`);
  expect(await anonymousHtml(request, `/articles/${renamed}`)).toContain(article.title);
});

test("Delete asks first; Cancel keeps the article, Yes deletes it", async ({ page, request }, testInfo) => {
  const author = await createTestUser({ role: "author" });
  const article = await createOldPublishedArticle(author);
  await signInThroughForm(page, author, { callbackUrl: editPath(article.id) });
  await editorReady(page, javaScriptOn(testInfo));
  const typedBody = `Typed but not saved ${uniqueSuffix()}`;
  await editorField(page, "Body (Markdown)").fill(typedBody);

  await editorButton(page, "Delete").click();
  const question = "Delete this article permanently? Its comments are deleted too. This cannot be undone.";
  await expect(editorMessage(page)).toHaveText(question);
  await editorButton(page, "Cancel").click();
  await expect(editorMessage(page)).toHaveCount(0);
  await expect(editorButton(page, "Delete")).toBeVisible();
  await expect(editorField(page, "Body (Markdown)")).toHaveValue(typedBody);
  expect(storedArticle(article.id)).toBeDefined();

  await editorButton(page, "Delete").click();
  await expect(editorMessage(page)).toHaveText(question);
  await editorButton(page, "Yes, delete permanently").click();
  await page.waitForURL((url) => url.pathname === "/dashboard" && url.searchParams.get("saved") === "deleted");
  await expect(page.getByRole("main").locator(".admin-done")).toHaveText("Article deleted.");
  expect(storedArticle(article.id)).toBeUndefined();
  expect((await request.get(`/articles/${article.slug}`)).status()).toBe(404);
});
