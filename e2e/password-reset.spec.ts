import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import {
  createTestUser,
  expectSignInRefused,
  findValidOneTimeToken,
  formMessage,
  ipHeaders,
  issueOneTimeToken,
  mainNav,
  newClient,
  signInThroughForm,
  strongPassword,
} from "./support/accounts";

// Reset links are issued by an admin or the CLI; here the test process issues them through the
// data layer. A link that is used, expired or replaced answers 404 before the page renders.

test.use({ extraHTTPHeaders: async ({}, use) => use(ipHeaders()) });

const HOUR_MS = 60 * 60 * 1000;

function resetUrl(token: string): string {
  return `/reset-password?token=${encodeURIComponent(token)}`;
}

async function expectNotFound(request: APIRequestContext, page: Page, url: string): Promise<void> {
  const response = await request.get(url);
  expect(response.status(), `GET ${url}`).toBe(404);
  // Fully server-rendered, not the empty shell Next sends for a page's own notFound().
  expect(await response.text()).toMatch(/<h1[^>]*>Page not found<\/h1>/);
  expect(await response.text()).not.toContain("Choose a new password");

  const inBrowser = await page.goto(url);
  expect(inBrowser?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
}

async function submitNewPassword(page: Page, password: string): Promise<void> {
  await page.getByRole("main").getByLabel("New password").fill(password);
  await page.getByRole("main").getByRole("button", { name: "Set new password" }).click();
}

test("a reset link sets a new password once, signs the user in, and then answers 404", async ({ page, request, browser }) => {
  const user = await createTestUser();
  const token = await issueOneTimeToken({ purpose: "password-reset", userId: user.id, validForMs: HOUR_MS });
  const url = resetUrl(token);

  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");

  // Weak passwords are refused, and the link stays valid.
  await submitNewPassword(page, "short");
  await expect(page.locator("#field-password-error")).toHaveText("Use at least 10 characters.");
  await expect(formMessage(page)).toHaveText("Please correct the highlighted fields.");
  await submitNewPassword(page, "qwertyuiop");
  await expect(page.locator("#field-password-error")).toHaveText("This password is too common. Choose one that is harder to guess.");
  await submitNewPassword(page, user.email.split("@")[0]!);
  await expect(page.locator("#field-password-error")).toHaveText("Do not use your name or email address as your password.");
  expect(await findValidOneTimeToken({ purpose: "password-reset", token })).toEqual({ userId: user.id });

  const newPassword = strongPassword();
  await submitNewPassword(page, newPassword);
  await page.waitForURL((landed) => landed.pathname === "/account" && landed.searchParams.get("saved") === "password");
  await expect(page.getByRole("main").getByText(`Signed in as ${user.email}`)).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: user.displayName })).toBeVisible();

  // The link is used up.
  expect(await findValidOneTimeToken({ purpose: "password-reset", token })).toBeUndefined();
  await expectNotFound(request, page, url);

  // Only the new password signs in now.
  const other = await newClient(browser);
  try {
    await expectSignInRefused(other.page, user);
    await signInThroughForm(other.page, { email: user.email, password: newPassword });
  } finally {
    await other.context.close();
  }
});

test("a reset link ends the sessions signed in with the old password", async ({ page, browser }) => {
  const user = await createTestUser();
  await signInThroughForm(page, user);
  const token = await issueOneTimeToken({ purpose: "password-reset", userId: user.id, validForMs: HOUR_MS });

  const other = await newClient(browser);
  try {
    await other.page.goto(resetUrl(token));
    await submitNewPassword(other.page, strongPassword());
    await other.page.waitForURL((landed) => landed.pathname === "/account");
  } finally {
    await other.context.close();
  }
  await page.goto("/account");
  await page.waitForURL((landed) => landed.pathname === "/login");
});

test("expired, replaced, unknown and missing reset tokens answer 404", async ({ page, request }) => {
  const user = await createTestUser();
  const expired = await issueOneTimeToken({ purpose: "password-reset", userId: user.id, validForMs: -1000 });
  await expectNotFound(request, page, resetUrl(expired));

  const issuedLongAgo = await issueOneTimeToken({
    purpose: "password-reset",
    userId: user.id,
    validForMs: HOUR_MS,
    now: new Date(Date.now() - 2 * HOUR_MS),
  });
  await expectNotFound(request, page, resetUrl(issuedLongAgo));

  // Only the newest link for a user works.
  const replaced = await issueOneTimeToken({ purpose: "password-reset", userId: user.id, validForMs: HOUR_MS });
  const newest = await issueOneTimeToken({ purpose: "password-reset", userId: user.id, validForMs: HOUR_MS });
  await expectNotFound(request, page, resetUrl(replaced));
  expect((await request.get(resetUrl(newest))).status()).toBe(200);

  await expectNotFound(request, page, resetUrl("not-a-real-token"));
  await expectNotFound(request, page, "/reset-password");
});

test("a link replaced while its page is open is refused on submit, and the old password still works", async ({ page }) => {
  const user = await createTestUser();
  const token = await issueOneTimeToken({ purpose: "password-reset", userId: user.id, validForMs: HOUR_MS });
  await page.goto(resetUrl(token));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");

  // Replacing the link (as a second "reset link" from an admin would) invalidates the open page's token.
  await issueOneTimeToken({ purpose: "password-reset", userId: user.id, validForMs: HOUR_MS });
  await submitNewPassword(page, strongPassword());
  await expect(formMessage(page)).toHaveText("This reset link has expired or was already used. Ask an admin for a new one.");
  expect(new URL(page.url()).pathname).toBe("/reset-password");
  await signInThroughForm(page, user);
});
