// The author's dashboard and article editor, for the publishing specs. "./database" comes first:
// it points the data layer at the e2e database before anything opens it.
import "./database";
import { spawn } from "node:child_process";
import { eq } from "drizzle-orm";
import { expect, type Locator, type Page } from "@playwright/test";
import { createArticle, setArticleStatus } from "../../db/queries/article-writes";
import { articleAutosaves, articles } from "../../db/schema";
import type { TestUser } from "./accounts";
import { getDb } from "./database";
import { uniqueSuffix } from "./test-data";

export const NEW_ARTICLE_PATH = "/dashboard/articles/new";

export function editPath(articleId: number): string {
  return `/dashboard/articles/${articleId}/edit`;
}

export function editorForm(page: Page): Locator {
  return page.getByRole("form", { name: /^(New|Edit) article$/ });
}

export function editorField(page: Page, label: string): Locator {
  return editorForm(page).getByLabel(label, { exact: true });
}

export function editorButton(page: Page, name: string): Locator {
  return editorForm(page).getByRole("button", { name, exact: true });
}

export function editorPreview(page: Page): Locator {
  return page.getByRole("region", { name: "Preview" });
}

// The form's outcome message (a refusal, the delete question) or the ?saved= message.
export function editorMessage(page: Page): Locator {
  return editorForm(page).locator(".form-message");
}

export function autosaveStatus(page: Page): Locator {
  return editorForm(page).locator("[data-autosave]");
}

// With JavaScript, fields typed into before React hydrates the editor would be reset by it: wait
// until it runs (the autosave status line appears only then).
export async function editorReady(page: Page, javaScript = true): Promise<void> {
  await expect(editorForm(page)).toBeVisible();
  if (javaScript) await expect(autosaveStatus(page)).toBeVisible();
}

export type EditorText = Partial<Record<"Title" | "Slug" | "Excerpt" | "Body (Markdown)" | "Tags" | "Original title" | "Original URL" | "Original language", string>>;

export async function fillEditor(page: Page, text: EditorText): Promise<void> {
  for (const [label, value] of Object.entries(text)) await editorField(page, label).fill(value ?? "");
}

export async function expectEditorValues(page: Page, text: EditorText): Promise<void> {
  for (const [label, value] of Object.entries(text)) await expect(editorField(page, label), label).toHaveValue(value ?? "");
}

// Presses a button that saves and redirects (303 without JavaScript, a client navigation with
// it); resolves with the article's id once the editor (or dashboard) shows the ?saved= message.
export async function pressAndWaitForSaved(page: Page, button: string, saved: string): Promise<number | null> {
  await editorButton(page, button).click();
  await page.waitForURL((url) => url.searchParams.get("saved") === saved);
  const match = /\/dashboard\/articles\/(\d+)\/edit/.exec(new URL(page.url()).pathname);
  return match ? Number(match[1]) : null;
}

// Waits for the autosave status line to report a save (JavaScript only).
export async function waitForAutosave(page: Page): Promise<void> {
  await expect(autosaveStatus(page)).toHaveText(/^Saved at /, { timeout: 15_000 });
}

export type StoredArticle = typeof articles.$inferSelect;

export function storedArticle(articleId: number): StoredArticle | undefined {
  return getDb().select().from(articles).where(eq(articles.id, articleId)).get();
}

export function storedArticleBySlug(slug: string): StoredArticle | undefined {
  return getDb().select().from(articles).where(eq(articles.slug, slug)).get();
}

export function articleIdsTitled(title: string): number[] {
  return getDb().select({ id: articles.id }).from(articles).where(eq(articles.title, title)).all().map((row) => row.id);
}

export function hasPendingCopy(articleId: number): boolean {
  return getDb().select().from(articleAutosaves).where(eq(articleAutosaves.articleId, articleId)).get() !== undefined;
}

// A published article by `author`, dated in 2000 so it stays off page 1 of the home page that
// other specs read.
export async function createOldPublishedArticle(
  author: TestUser,
  { title = `Published long ago ${uniqueSuffix()}`, body = "The published body." }: { title?: string; body?: string } = {},
): Promise<{ id: number; slug: string; title: string; body: string }> {
  const slug = `e2e-old-${uniqueSuffix()}`;
  const id = await createArticle({
    slug,
    title,
    body,
    status: "published",
    publishedAt: new Date(Date.UTC(2000, 0, 1) + Math.floor(Math.random() * 86_400_000)),
    authorId: author.id,
  });
  return { id, slug, title, body };
}

// Takes an article published "now" by a test off every listing again, through the data layer
// (which invalidates its pages), so it cannot push the seed articles off page 1 for other specs.
export async function unpublishIfStillPublished(articleId: number | null): Promise<void> {
  if (articleId === null) return;
  const stored = storedArticle(articleId);
  if (stored && stored.status !== "draft") await setArticleStatus({ articleId, status: "draft", publishedAt: null });
}

// A Markdown body with a GitHub-flavoured table.
export function markdownWithTable(marker: string): string {
  return [
    `Opening paragraph ${marker}.`,
    "",
    "| Country | Capital |",
    "| ------- | ------- |",
    "| Japan   | Tokyo   |",
    "| France  | Paris   |",
    "",
    "A closing line with **bold** text.",
  ].join("\n");
}

// `npm run user -- set-password <email>` against another database, the password piped on stdin.
export function setPasswordWithCli(databasePath: string, email: string, password: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/user-cli.ts", "set-password", email], {
      env: { ...process.env, DATABASE_PATH: databasePath },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
    child.stdin.end(`${password}\n`);
  });
}
