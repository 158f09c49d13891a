import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import {
  banUser,
  createTestUser,
  expectSignedInAt,
  expectSignedOutAt,
  ipHeaders,
  mainNav,
  newClient,
  setUserRole,
  signInThroughForm,
  signOutFromHeader,
  unbanUser,
} from "./support/accounts";

// Sessions are JWTs holding only the user id and a session version; the role, the ban and whether
// the version is still current are read from the database on every request (lib/authz.ts). These
// changes are made from the test process, as the CLI or another server would make them.

test.use({ extraHTTPHeaders: async ({}, use) => use(ipHeaders()) });

const sessionCookieName = "authjs.session-token";

function usersLink(page: Page) {
  return mainNav(page).getByRole("link", { name: "Users", exact: true });
}

async function sessionCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((candidate) => candidate.name === sessionCookieName);
  if (!cookie) throw new Error(`No ${sessionCookieName} cookie after signing in`);
  return cookie;
}

test.describe("a ban", () => {
  test("shows on the banned user's very next request, /forbidden answers 403, and unbanning restores the account", async ({ page }) => {
    const user = await createTestUser();
    await signInThroughForm(page, user);
    await expect(page.getByRole("main").locator(".form-message-error")).toHaveCount(0);

    const reason = `E2E ban ${Date.now()}`;
    expect(await banUser({ userId: user.id, reason })).toBe(true);
    const banMessage = `Your account is banned. Reason: ${reason}`;

    // The account page stays open to banned users (they may still change or delete their account).
    const account = await page.goto("/account");
    expect(account?.status()).toBe(200);
    await expect(page.getByRole("main").getByText(banMessage)).toBeVisible();

    const forbidden = await page.goto("/forbidden");
    expect(forbidden?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
    await expect(page.getByRole("main").getByText(banMessage)).toBeVisible();

    expect(await unbanUser({ userId: user.id })).toBe(true);
    await expectSignedInAt(page, user);
    await expect(page.getByRole("main").getByText(/Your account is banned/)).toHaveCount(0);
    await page.goto("/forbidden");
    await expect(page.getByRole("main").getByText("Your account does not have permission to see it.")).toBeVisible();
  });

  test("with an end date says until when, and one that has ended is no ban", async ({ page }) => {
    const user = await createTestUser();
    await signInThroughForm(page, user);

    await banUser({ userId: user.id, until: new Date("2099-06-15T12:00:00Z") });
    await page.goto("/account");
    await expect(page.getByRole("main").getByText("Your account is banned until June 15, 2099.")).toBeVisible();

    await banUser({ userId: user.id, until: new Date(Date.now() - 60_000) });
    await expectSignedInAt(page, user);
    await expect(page.getByRole("main").getByText(/Your account is banned/)).toHaveCount(0);
  });
});

test("a role change takes effect on the user's next request", async ({ page }) => {
  const user = await createTestUser();
  // Another admin, so that demoting the test user back is allowed (the site keeps one admin at
  // least). Two workers share the database; each such test makes its own.
  await createTestUser({ role: "admin" });
  await signInThroughForm(page, user);
  await expect(page.getByRole("main").getByText(`Signed in as ${user.email} (reader).`)).toBeVisible();
  await expect(usersLink(page)).toHaveCount(0);

  expect(await setUserRole({ userId: user.id, role: "admin" })).toMatchObject({ ok: true });
  await page.goto("/account");
  await expect(page.getByRole("main").getByText(`Signed in as ${user.email} (admin).`)).toBeVisible();
  await expect(usersLink(page)).toHaveAttribute("href", "/admin/users");

  const adminUsers = await page.request.get("/admin/users", { maxRedirects: 0 });
  // /admin/users is being built separately; until it exists, only the header link is checked.
  const adminPageExists = adminUsers.status() !== 404;
  if (adminPageExists) {
    expect(adminUsers.status()).toBe(200);
  } else {
    test.info().annotations.push({ type: "skipped assertion", description: "GET /admin/users answers 404: the page does not exist yet" });
  }

  expect(await setUserRole({ userId: user.id, role: "reader" })).toMatchObject({ ok: true });
  await page.goto("/");
  await expect(usersLink(page)).toHaveCount(0);
  await expect(mainNav(page).getByRole("link", { name: user.displayName })).toBeVisible();
  if (adminPageExists) {
    const denied = await page.goto("/admin/users");
    expect(new URL(page.url()).pathname).toBe("/forbidden");
    expect(denied?.status()).toBe(403);
  }
});

test("signing out in one browser ends the user's other sessions", async ({ page, browser }) => {
  const user = await createTestUser();
  const other = await newClient(browser);
  try {
    await signInThroughForm(page, user);
    await signInThroughForm(other.page, user);
    await expectSignedInAt(other.page, user);

    await page.goto("/");
    await signOutFromHeader(page);

    await expectSignedOutAt(other.page, "/account");
    await other.page.goto("/");
    await expect(mainNav(other.page).getByRole("link", { name: "Sign in" })).toBeVisible();
    // The ended session can sign in again normally.
    await signInThroughForm(other.page, user);
  } finally {
    await other.context.close();
  }
});

test.describe("a session cookie that is not a valid session", () => {
  // page.request sends the browser context's cookies, the bad one included.
  async function expectTreatedAsSignedOut(page: Page) {
    const responseOf = (url: string) => page.request.get(url, { maxRedirects: 0 });
    const account = await responseOf("/account");
    expect([303, 307]).toContain(account.status());
    expect(account.headers()["location"]).toBe("/login?callbackUrl=%2Faccount");
    for (const url of ["/", "/login", "/articles/welcome-to-the-demo-platform", "/forbidden"]) {
      const response = await responseOf(url);
      expect(response.status(), `GET ${url}`).toBe(url === "/forbidden" ? 403 : 200);
      expect(await response.text(), `GET ${url}`).toContain(">Sign in<");
    }
    await expectSignedOutAt(page, "/account");
    await page.goto("/");
    await expect(mainNav(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  }

  test("garbage is treated as signed out, without a server error", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: sessionCookieName, value: "garbage-not-a-jwt", url: baseURL! }]);
    await expectTreatedAsSignedOut(page);
  });

  test("a tampered real session token is treated as signed out, without a server error", async ({ page, context }) => {
    const user = await createTestUser();
    await signInThroughForm(page, user);
    const cookie = await sessionCookie(context);
    // Change one character in the middle of the encrypted token.
    const middle = Math.floor(cookie.value.length / 2);
    const flipped = cookie.value[middle] === "A" ? "B" : "A";
    const tampered = `${cookie.value.slice(0, middle)}${flipped}${cookie.value.slice(middle + 1)}`;
    await context.addCookies([{ ...cookie, value: tampered }]);
    await expectTreatedAsSignedOut(page);
  });
});
