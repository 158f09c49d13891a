import { expect, test, type Page } from "@playwright/test";
import {
  createTestUser,
  expectSignInRefused,
  fillSignInForm,
  formMessage,
  ipHeaders,
  mainNav,
  signInThroughForm,
  signOutFromHeader,
  strongPassword,
  userExists,
  wrongCredentialsMessage,
} from "./support/accounts";
import { uniqueSuffix } from "./support/test-data";

// Registration, sign-in and sign-out through the forms, run with JavaScript on (server actions
// called by the client) and off (plain form posts answered with redirects or a re-rendered form).

const welcomeSlug = "welcome-to-the-demo-platform";
const welcomeReply = `/articles/${welcomeSlug}#respond`;

// Each test acts from its own client address, so the per-address limits (5 registrations an
// hour, 50 wrong passwords an hour) are never shared with another test or a rerun.
test.use({ extraHTTPHeaders: async ({}, use) => use(ipHeaders()) });

function leaveAReply(page: Page) {
  return page.getByRole("main").getByRole("region", { name: "Leave a Reply" });
}

function field(page: Page, label: string) {
  return page.getByRole("main").getByLabel(label, { exact: true });
}

function pathOf(url: URL): string {
  return `${url.pathname}${url.search}${url.hash}`;
}

async function fillRegistration(page: Page, { displayName, email, password }: { displayName: string; email: string; password: string }) {
  await field(page, "Display name").fill(displayName);
  await field(page, "Email").fill(email);
  await field(page, "Password").fill(password);
  await page.getByRole("main").getByRole("button", { name: "Register", exact: true }).click();
}

test("a visitor registers from an article's sign-in link, comes back to its reply section, signs out and in again", async ({ page }) => {
  const suffix = uniqueSuffix();
  const account = { displayName: `E2E Newcomer ${suffix}`, email: `e2e-newcomer-${suffix}@example.test`, password: strongPassword() };

  await page.goto(`/articles/${welcomeSlug}`);
  await leaveAReply(page).getByRole("link", { name: "logged in" }).click();
  await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("callbackUrl") === welcomeReply);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");

  // The form's own Register link (the header has one too, without the way back).
  await page.getByRole("main").getByRole("link", { name: "Register" }).click();
  await page.waitForURL((url) => url.pathname === "/register" && url.searchParams.get("callbackUrl") === welcomeReply);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Register");

  await fillRegistration(page, account);
  await page.waitForURL((url) => pathOf(url) === welcomeReply);
  await expect(leaveAReply(page)).toContainText(`Signed in as ${account.displayName}.`);
  await expect(mainNav(page).getByRole("link", { name: account.displayName })).toHaveAttribute("href", "/account");
  expect(await userExists(account.email)).toBe(true);

  await signOutFromHeader(page);
  await expect(mainNav(page).getByRole("button", { name: "Sign out" })).toHaveCount(0);
  // The article is back to what anonymous visitors see.
  await page.goto(`/articles/${welcomeSlug}`);
  await expect(leaveAReply(page).getByRole("link", { name: "logged in" })).toBeVisible();

  await signInThroughForm(page, account, { callbackUrl: welcomeReply });
  await expect(leaveAReply(page)).toContainText(`Signed in as ${account.displayName}.`);
});

test("signing in through /login returns to the callbackUrl, and signing out shows Sign in again", async ({ page }) => {
  const user = await createTestUser();
  const callbackUrl = "/tags/demo?page=2";

  await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await fillSignInForm(page, user);
  await page.waitForURL((url) => pathOf(url) === callbackUrl);
  await expect(mainNav(page).getByRole("link", { name: user.displayName })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: "Sign in" })).toHaveCount(0);

  // A signed-in visitor who opens /login again goes straight on to where it says.
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/authors/owen")}`);
  await page.waitForURL((url) => url.pathname === "/authors/owen");

  await signOutFromHeader(page);
  expect(new URL(page.url()).pathname).toBe("/");
  await expect(mainNav(page).getByRole("link", { name: user.displayName })).toHaveCount(0);
});

test("a wrong password is refused with a message and the typed email is kept", async ({ page }) => {
  const user = await createTestUser();

  await page.goto("/login?callbackUrl=%2Faccount");
  await fillSignInForm(page, { email: user.email, password: `${user.password}-wrong` });
  await expect(formMessage(page)).toHaveText(wrongCredentialsMessage);
  expect(new URL(page.url()).pathname).toBe("/login");
  await expect(field(page, "Email")).toHaveValue(user.email);
  await expect(field(page, "Password")).toHaveValue("");

  // An unknown email answers exactly the same.
  await expectSignInRefused(page, { email: `e2e-nobody-${uniqueSuffix()}@example.test`, password: user.password });

  // The form still works, and still returns to the callbackUrl it was opened with.
  await page.goto("/login?callbackUrl=%2Faccount");
  await fillSignInForm(page, { email: user.email, password: `${user.password}-wrong` });
  await expect(formMessage(page)).toHaveText(wrongCredentialsMessage);
  await field(page, "Password").fill(user.password);
  await page.getByRole("main").getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/account");
  await expect(page.getByRole("main").getByText(`Signed in as ${user.email}`)).toBeVisible();
});

test("registration refuses short and common passwords and keeps the typed name and email", async ({ page }) => {
  const suffix = uniqueSuffix();
  const displayName = `E2E Weak ${suffix}`;
  const email = `e2e-weak-${suffix}@example.test`;
  const passwordError = page.getByRole("main").locator("#field-password-error");

  await page.goto("/register");
  await fillRegistration(page, { displayName, email, password: "short1" });
  await expect(passwordError).toHaveText("Use at least 10 characters.");
  await expect(formMessage(page)).toHaveText("Please correct the highlighted fields.");
  await expect(field(page, "Display name")).toHaveValue(displayName);
  await expect(field(page, "Email")).toHaveValue(email);
  await expect(field(page, "Password")).toHaveValue("");
  await expect(field(page, "Password")).toHaveAttribute("aria-invalid", "true");

  await fillRegistration(page, { displayName, email, password: "Password123" });
  await expect(passwordError).toHaveText("This password is too common. Choose one that is harder to guess.");
  await expect(field(page, "Display name")).toHaveValue(displayName);
  await expect(field(page, "Email")).toHaveValue(email);

  expect(new URL(page.url()).pathname).toBe("/register");
  await expect(mainNav(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await userExists(email)).toBe(false);
});

test.describe("an open-redirect attempt in callbackUrl", () => {
  for (const callbackUrl of ["https://evil.example/", "//evil.example", "/\\evil.example"]) {
    test(`${callbackUrl} lands on a same-site page after sign-in`, async ({ page, baseURL }) => {
      const user = await createTestUser();
      // Nothing may leave for the other site, whatever happens.
      await page.context().route((url) => url.hostname.endsWith("evil.example"), (route) => route.abort());

      await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await fillSignInForm(page, user);
      const site = new URL(baseURL!).origin;
      await page.waitForURL((url) => !(url.origin === site && url.pathname === "/login"));
      const landed = new URL(page.url());
      expect(landed.origin).toBe(site);
      expect(landed.pathname).toBe("/");
      await expect(mainNav(page).getByRole("link", { name: user.displayName })).toBeVisible();

      // Signed in, /register sends the visitor on at once: to a same-site page as well.
      await page.goto(`/register?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await page.waitForURL((url) => url.origin === site && url.pathname === "/");
    });
  }
});
