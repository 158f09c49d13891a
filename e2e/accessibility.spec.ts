// "./support/database" first: it points the data layer at the e2e database before anything opens it.
import "./support/database";
import { eq } from "drizzle-orm";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { demoPublication } from "../db/demo/demo-people";
import { seedArticleSlug } from "../db/demo/seed-article";
import { moderateComments } from "../db/queries/comment-moderation";
import { submitComment } from "../db/queries/comment-submission";
import { publications } from "../db/schema";
import {
  createTestUser,
  fillSignInForm,
  formMessage,
  issueOneTimeToken,
  newClient,
  signInThroughForm,
  type TestUser,
} from "./support/accounts";
import {
  axeViolations,
  expectAnnouncedFormMessage,
  expectFieldError,
  expectNoAxeViolations,
  focusProblem,
  refocusTabStops,
  tabThroughPage,
} from "./support/accessibility";
import { createCommentableArticle, replySection, type TestArticle } from "./support/comments";
import { getDb, insertComment } from "./support/database";
import { createTag, uniqueSuffix } from "./support/test-data";

// axe-core at WCAG 2.2 A and AA on every kind of page, in the light and the dark colour scheme.
// To check another page, add a row to `anonymousPages` or `signedInPages`.

type Fixtures = {
  article: TestArticle;
  // A comment the signed-in admin posted a moment ago, so its edit page offers the form.
  ownCommentId: number;
  resetToken: string;
  reader: TestUser;
  tagId: number;
  publicationId: number;
};

type PageCheck = {
  name: string;
  path: string | ((fixtures: Fixtures) => string);
  // The HTTP status the page answers with (404 and 403 pages are pages too).
  status?: number;
};

const anonymousPages: PageCheck[] = [
  { name: "home", path: "/" },
  { name: "home, page 2", path: "/?page=2" },
  { name: "seed article", path: `/articles/${seedArticleSlug}` },
  { name: "article with threaded comments", path: ({ article }) => `/articles/${article.slug}` },
  { name: "author", path: "/authors/owen" },
  { name: "publication", path: `/publications/${demoPublication.slug}` },
  { name: "tag", path: "/tags/demo" },
  { name: "tag index", path: "/tags" },
  { name: "archive index", path: "/archive" },
  { name: "archive year", path: "/archive/2021" },
  { name: "archive month", path: "/archive/2021/03" },
  { name: "search form", path: "/search" },
  { name: "search with results", path: "/search?q=demo" },
  { name: "search without results", path: "/search?q=zzqxjv" },
  { name: "sign in", path: "/login" },
  { name: "register", path: "/register" },
  { name: "choose a new password (reset link)", path: ({ resetToken }) => `/reset-password?token=${encodeURIComponent(resetToken)}` },
  { name: "page not found", path: "/articles/no-such-article-anywhere", status: 404 },
  { name: "forbidden", path: "/forbidden", status: 403 },
];

// Seen by an admin, who may open every one of them.
const signedInPages: PageCheck[] = [
  { name: "article, signed in (comment form)", path: ({ article }) => `/articles/${article.slug}` },
  { name: "account", path: "/account" },
  { name: "account comments", path: "/account/comments" },
  { name: "comment edit page", path: ({ ownCommentId }) => `/comments/${ownCommentId}/edit` },
  { name: "dashboard", path: "/dashboard" },
  { name: "new article editor", path: "/dashboard/articles/new" },
  { name: "edit article editor", path: ({ article }) => `/dashboard/articles/${article.id}/edit` },
  { name: "moderation queue, pending", path: "/moderation" },
  { name: "moderation queue, approved", path: "/moderation?status=approved" },
  { name: "moderation log", path: "/moderation/log" },
  { name: "article revisions", path: ({ article }) => `/dashboard/articles/${article.id}/revisions` },
  { name: "media library", path: "/dashboard/media" },
  { name: "admin users", path: "/admin/users" },
  { name: "admin users, searched", path: ({ reader }) => `/admin/users?q=${encodeURIComponent(reader.email)}` },
  { name: "admin users, delete panel", path: ({ reader }) => `/admin/users?delete=${reader.id}` },
  { name: "admin settings", path: "/admin/settings" },
  { name: "admin tags", path: "/admin/tags" },
  { name: "admin tags, merge panel", path: ({ tagId }) => `/admin/tags?merge=${tagId}` },
  { name: "admin tags, delete panel", path: ({ tagId }) => `/admin/tags?delete=${tagId}` },
  { name: "admin publications", path: "/admin/publications" },
  { name: "admin publications, new", path: "/admin/publications?new" },
  { name: "admin publications, edit", path: ({ publicationId }) => `/admin/publications?edit=${publicationId}` },
  { name: "admin publications, delete panel", path: ({ publicationId }) => `/admin/publications?delete=${publicationId}` },
];

// Pages whose every focusable element is visited with Tab, to check its focus indicator in both
// schemes; `signedIn` pages are seen by the admin.
const focusSweepPages: { name: string; path: string | ((fixtures: Fixtures) => string); signedIn?: boolean }[] = [
  { name: "home", path: "/" },
  { name: "sign in", path: "/login" },
  { name: "article with comment form", path: ({ article }) => `/articles/${article.slug}`, signedIn: true },
  { name: "moderation queue", path: "/moderation", signedIn: true },
  { name: "article editor", path: ({ article }) => `/dashboard/articles/${article.id}/edit`, signedIn: true },
  { name: "admin users", path: "/admin/users", signedIn: true },
  { name: "admin settings", path: "/admin/settings", signedIn: true },
];

// Two axe runs per page on a loaded two-core machine.
test.describe.configure({ timeout: 120_000 });

let fixtures: Fixtures;
let admin: TestUser;
let adminContext: BrowserContext;

test.beforeAll(async ({ browser }) => {
  const article = await createCommentableArticle();
  const reader = await createTestUser();
  admin = await createTestUser({ role: "admin" });
  const first = await insertComment({ articleId: article.id, authorId: reader.id, body: "A first approved comment, with https://example.com/ linked.", status: "approved", createdAt: new Date(Date.now() - 7_200_000) });
  await insertComment({ articleId: article.id, authorId: article.author.id, parentId: first, body: "The author's reply, nested under it.", status: "approved", createdAt: new Date(Date.now() - 3_600_000) });
  // Something in the queue and in the moderation log: a held comment, and one approved by the admin.
  await insertComment({ articleId: article.id, authorId: reader.id, body: `Held for moderation ${uniqueSuffix()}`, status: "pending" });
  const toApprove = await insertComment({ articleId: article.id, authorId: reader.id, body: `Approved from the queue ${uniqueSuffix()}`, status: "pending" });
  await moderateComments({ moderator: admin, commentIds: [toApprove], action: "approve" });
  const posted = await submitComment({ articleId: article.id, authorId: admin.id, body: `The admin's own comment ${uniqueSuffix()}` });
  if (!posted.ok) throw new Error(posted.message);
  fixtures = {
    article,
    ownCommentId: posted.commentId,
    resetToken: await issueOneTimeToken({ purpose: "password-reset", userId: reader.id, validForMs: 3_600_000 }),
    reader,
    // Only looked at: the panels ask before they change anything.
    tagId: createTag(`e2e-a11y-${uniqueSuffix()}`, `Accessibility ${uniqueSuffix()}`),
    publicationId: getDb().select({ id: publications.id }).from(publications).where(eq(publications.slug, demoPublication.slug)).get()!.id,
  };
  adminContext = await signedInContext(browser, admin);
});

test.afterAll(async () => {
  await adminContext?.close();
});

async function signedInContext(browser: Browser, user: TestUser): Promise<BrowserContext> {
  const { context, page } = await newClient(browser);
  await signInThroughForm(page, user);
  await page.close();
  return context;
}

function pathOf(check: { path: string | ((fixtures: Fixtures) => string) }): string {
  return typeof check.path === "string" ? check.path : check.path(fixtures);
}

async function open(page: Page, check: PageCheck): Promise<void> {
  const path = pathOf(check);
  const response = await page.goto(path);
  expect(response?.status(), `GET ${path}`).toBe(check.status ?? 200);
  // Client components must have hydrated: axe checks the page a reader with JavaScript gets.
  await page.waitForLoadState("networkidle");
}

test.describe("anonymous pages", () => {
  for (const check of anonymousPages) {
    test(`${check.name} has no WCAG 2.2 A/AA violations`, async ({ page }) => {
      await open(page, check);
      await expectNoAxeViolations(page, check.name);
    });
  }
});

test.describe("signed-in pages", () => {
  for (const check of signedInPages) {
    test(`${check.name} has no WCAG 2.2 A/AA violations`, async () => {
      const page = await adminContext.newPage();
      try {
        await open(page, check);
        await expectNoAxeViolations(page, check.name);
      } finally {
        await page.close();
      }
    });
  }
});

test.describe("error states", () => {
  test("a refused sign-in: the message is announced, and the page has no violations", async ({ browser }) => {
    const { context, page } = await newClient(browser);
    await page.goto("/login");
    await fillSignInForm(page, { email: admin.email, password: "not-the-password" });
    await expect(formMessage(page)).toHaveText("The email or password is incorrect.");
    await expectAnnouncedFormMessage(page.getByRole("main").locator("form"), "The email or password is incorrect.");
    await expectNoAxeViolations(page, "refused sign-in");
    await context.close();
  });

  test("registration with invalid fields: each error is tied to its field, and the page has no violations", async ({ browser }) => {
    const { context, page } = await newClient(browser);
    await page.goto("/register");
    await page.waitForLoadState("networkidle");
    const main = page.getByRole("main");
    await main.getByLabel("Email", { exact: true }).fill("not-an-email");
    await main.getByRole("button", { name: "Register" }).click();
    await expectFieldError(main.getByLabel("Display name", { exact: true }), "Enter the name to show with your comments.");
    await expectFieldError(main.getByLabel("Email", { exact: true }), "Enter a valid email address.");
    await expectNoAxeViolations(page, "registration with field errors");

    await main.getByLabel("Display name", { exact: true }).fill(`Reader ${uniqueSuffix()}`);
    await main.getByLabel("Email", { exact: true }).fill(`e2e-a11y-${uniqueSuffix()}@example.test`);
    await main.getByLabel("Password", { exact: true }).fill("short");
    await main.getByRole("button", { name: "Register" }).click();
    await expectFieldError(main.getByLabel("Password", { exact: true }), "Use at least 10 characters.");
    // The hint stays in the description, before the error.
    await expect(main.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(/^At least 10 characters.*Use at least 10 characters\.$/);
    await expectAnnouncedFormMessage(main.locator("form"), "Please correct the highlighted fields.");
    await context.close();
  });

  test("a refused comment: the field error is tied to the comment box, and the page has no violations", async ({ browser }) => {
    const reader = await createTestUser();
    const context = await signedInContext(browser, reader);
    const page = await context.newPage();
    await page.goto(`/articles/${fixtures.article.slug}`);
    await page.waitForLoadState("networkidle");
    const form = replySection(page);
    await form.getByRole("button", { name: "Post Comment" }).click();
    await expectFieldError(form.getByLabel("Comment", { exact: true }), "Please type your comment.");
    await expectNoAxeViolations(page, "refused comment");
    await context.close();
  });
});

test.describe("focus indicators", () => {
  for (const check of focusSweepPages) {
    test(`every focusable element on ${check.name} shows its focus with at least 3:1 contrast`, async ({ browser }) => {
      const context = check.signedIn ? adminContext : await browser.newContext();
      const page = await context.newPage();
      try {
        // A fresh load, so Tab starts from the top of the page.
        await page.emulateMedia({ colorScheme: "light" });
        await page.goto(pathOf(check));
        await page.waitForLoadState("networkidle");
        const light = await tabThroughPage(page);
        // The skip link, the header's links and at least one control of the page itself.
        expect(light.length, `focusable elements visited on ${check.name}`).toBeGreaterThan(5);
        // The dark scheme changes colours only, so Tab reaches the same elements in it.
        await page.emulateMedia({ colorScheme: "dark" });
        const dark = await refocusTabStops(page);
        expect(dark.map((focus) => focus.element)).toEqual(light.map((focus) => focus.element));
        const problems = [
          ...light.map((focus) => focusProblem(focus)).filter(Boolean).map((problem) => `light: ${problem}`),
          ...dark.map((focus) => focusProblem(focus)).filter(Boolean).map((problem) => `dark: ${problem}`),
        ];
        expect(problems, problems.join("\n")).toEqual([]);
      } finally {
        await page.close();
        if (!check.signedIn) await context.close();
      }
    });
  }
});

test("the checker itself reports a violation it is shown", async ({ page }) => {
  await page.goto("/login");
  // Added to <body> itself, which React 19's hydration leaves alone (as it does for extensions'
  // nodes): inside <main>, a hydration still running on a slow machine would remove it again.
  await page.evaluate(() => {
    const faint = document.createElement("p");
    faint.id = "faint-text";
    faint.textContent = "Barely readable";
    faint.style.color = "#cccccc";
    faint.style.background = "#ffffff";
    document.body.append(faint);
  });
  const violations = await axeViolations(page);
  await expect(page.locator("#faint-text")).toHaveText("Barely readable");
  expect(violations.some((line) => line.startsWith("color-contrast ") && line.includes("#faint-text")), violations.join("\n")).toBe(true);
});
