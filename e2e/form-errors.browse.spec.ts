// "./support/database" first: it points the data layer at the e2e database before anything opens it.
import "./support/database";
import { expect, test } from "@playwright/test";
import { createTestUser, fillSignInForm, ipHeaders, signInThroughForm } from "./support/accounts";
import { expectAnnouncedFormMessage, expectFieldError } from "./support/accessibility";
import { createCommentableArticle, replySection } from "./support/comments";
import { uniqueSuffix } from "./support/test-data";

// Form errors are announced and tied to their fields, whether the server answered a server-action
// call (JavaScript on) or rendered the page again after a plain form post (JavaScript off): the
// form's message sits in a live region, and each field in error is aria-invalid and described by
// its message.

test.use({ extraHTTPHeaders: async ({}, use) => use(ipHeaders()) });

test("a refused sign-in is announced in the form's live region", async ({ page }) => {
  const user = await createTestUser();
  await page.goto("/login");
  await fillSignInForm(page, { email: user.email, password: "not-the-password" });
  await expectAnnouncedFormMessage(page.getByRole("main").locator("form"), "The email or password is incorrect.");
});

test("registration errors are announced and each is tied to its field", async ({ page }) => {
  await page.goto("/register");
  const main = page.getByRole("main");
  await main.getByLabel("Email", { exact: true }).fill("not-an-email");
  await main.getByRole("button", { name: "Register" }).click();
  await expectFieldError(main.getByLabel("Display name", { exact: true }), "Enter the name to show with your comments.");
  await expectFieldError(main.getByLabel("Email", { exact: true }), "Enter a valid email address.");

  await main.getByLabel("Display name", { exact: true }).fill(`Reader ${uniqueSuffix()}`);
  await main.getByLabel("Email", { exact: true }).fill(`e2e-form-errors-${uniqueSuffix()}@example.test`);
  await main.getByLabel("Password", { exact: true }).fill("short");
  await main.getByRole("button", { name: "Register" }).click();
  await expectFieldError(main.getByLabel("Password", { exact: true }), "Use at least 10 characters.");
  // The hint stays in the description, before the error.
  await expect(main.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(/^At least 10 characters.*Use at least 10 characters\.$/);
  await expectAnnouncedFormMessage(main.locator("form"), "Please correct the highlighted fields.");
});

test("an empty comment is refused with an error tied to the comment box", async ({ page }) => {
  const article = await createCommentableArticle();
  const reader = await createTestUser();
  await signInThroughForm(page, reader, { callbackUrl: `/articles/${article.slug}` });
  const form = replySection(page);
  await form.getByRole("button", { name: "Post Comment" }).click();
  await expectFieldError(form.getByLabel("Comment", { exact: true }), "Please type your comment.");
});
