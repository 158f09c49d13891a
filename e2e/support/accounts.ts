// Accounts for the end-to-end specs, written straight through the data layer of the e2e database.
// "./database" comes first: it points DATABASE_PATH at the e2e database before any module below
// opens a connection.
import "./database";
import { expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { createUser, getSessionUserByEmail } from "../../db/queries/auth-users";
import type { UserRole } from "../../db/schema";
import { hash } from "@node-rs/argon2";
import { uniqueSuffix } from "./test-data";

export { bumpSessionVersion, getSessionUserByEmail } from "../../db/queries/auth-users";
export { banUser, deleteUser, setUserRole, unbanUser } from "../../db/queries/user-admin";
export { findValidOneTimeToken, issueOneTimeToken } from "../../db/queries/one-time-tokens";

export type TestUser = {
  id: number;
  slug: string;
  email: string;
  password: string;
  displayName: string;
  role: UserRole;
};

// A password that passes the rules (length, not common, not the name or email).
export function strongPassword(): string {
  return `Pw-${uniqueSuffix()}-e2e`;
}

// Test accounts get an argon2id hash of low cost. The server reads the cost from the hash and
// verifies it like any other, and a run creates hundreds of accounts on two cores: at the site's
// own cost (lib/auth/passwords.ts) each would take a tenth of a second of CPU to hash, and as
// much again at every sign-in.
function cheapPasswordHash(password: string): Promise<string> {
  return hash(password, { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1 });
}

// Two workers share one database: every account gets a random email and display name.
export async function createTestUser({
  role = "reader",
  displayName,
  password = strongPassword(),
}: { role?: UserRole; displayName?: string; password?: string } = {}): Promise<TestUser> {
  const suffix = uniqueSuffix();
  const email = `e2e-${role}-${suffix}@example.test`;
  const name = displayName ?? `E2E ${role} ${suffix}`;
  const created = await createUser({ email, displayName: name, passwordHash: await cheapPasswordHash(password), role });
  if (!created.ok) throw new Error(`Could not create ${email}: ${created.reason}`);
  return { id: created.id, slug: created.slug, email, password, displayName: name, role };
}

export async function userExists(email: string): Promise<boolean> {
  return (await getSessionUserByEmail({ email })) !== null;
}

// A fake client address for X-Forwarded-For (the e2e server trusts it), so the per-address limits
// of one test (sign-in failures, registrations) never touch another's. 198.18.0.0/15 is reserved
// for benchmarking and never a real client.
export function uniqueIp(): string {
  const random = Math.floor(Math.random() * 2 ** 17);
  return `198.${18 + (random >> 16)}.${(random >> 8) & 0xff}.${random & 0xff}`;
}

export function ipHeaders(ip: string = uniqueIp()): Record<string, string> {
  return { "x-forwarded-for": ip };
}

// A fresh browser context (its own cookies) acting from its own client address. It follows the
// project's javaScriptEnabled setting unless told otherwise.
export async function newClient(
  browser: Browser,
  { ip = uniqueIp(), javaScriptEnabled, baseURL }: { ip?: string; javaScriptEnabled?: boolean; baseURL?: string } = {},
): Promise<{ context: BrowserContext; page: Page; ip: string }> {
  const context = await browser.newContext({
    extraHTTPHeaders: ipHeaders(ip),
    ...(javaScriptEnabled === undefined ? {} : { javaScriptEnabled }),
    ...(baseURL === undefined ? {} : { baseURL }),
  });
  return { context, page: await context.newPage(), ip };
}

export function header(page: Page): Locator {
  return page.getByRole("banner");
}

export function mainNav(page: Page): Locator {
  return header(page).getByRole("navigation", { name: "Main" });
}

// The /login form: fields labelled Email and Password, submitted with the Sign in button.
export async function fillSignInForm(page: Page, { email, password }: { email: string; password: string }): Promise<void> {
  const main = page.getByRole("main");
  await main.getByLabel("Email", { exact: true }).fill(email);
  await main.getByLabel("Password", { exact: true }).fill(password);
  await main.getByRole("button", { name: "Sign in", exact: true }).click();
}

export function formMessage(page: Page): Locator {
  return page.getByRole("main").locator(".form-message");
}

export const wrongCredentialsMessage = "The email or password is incorrect.";
export const throttledMessage = /^Too many failed sign-in attempts\. Try again in \d+ (second|minute)s?\.$/;

// Signs in through /login and waits until the server sent the browser on to `callbackUrl`.
export async function signInThroughForm(
  page: Page,
  user: { email: string; password: string },
  { callbackUrl = "/account", expectUrl }: { callbackUrl?: string; expectUrl?: string | RegExp } = {},
): Promise<void> {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await fillSignInForm(page, user);
  await page.waitForURL(expectUrl ?? ((url) => `${url.pathname}${url.search}${url.hash}` === callbackUrl));
  await expect(mainNav(page).getByRole("button", { name: "Sign out" })).toBeVisible();
}

// Tries to sign in and expects to stay on /login with `message` shown.
export async function expectSignInRefused(
  page: Page,
  user: { email: string; password: string },
  message: string | RegExp = wrongCredentialsMessage,
): Promise<void> {
  await page.goto("/login?callbackUrl=%2Faccount");
  await fillSignInForm(page, user);
  await expect(formMessage(page)).toHaveText(message);
  expect(new URL(page.url()).pathname).toBe("/login");
  await expect(mainNav(page).getByRole("link", { name: "Sign in" })).toBeVisible();
}

export async function signOutFromHeader(page: Page): Promise<void> {
  await mainNav(page).getByRole("button", { name: "Sign out" }).click();
  await expect(mainNav(page).getByRole("link", { name: "Sign in" })).toBeVisible();
}

// Whether a browser context's session still works: /account either renders or sends it to sign in.
export async function expectSignedOutAt(page: Page, path = "/account"): Promise<void> {
  await page.goto(path);
  await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("callbackUrl") === path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
}

export async function expectSignedInAt(page: Page, user: { email: string }): Promise<void> {
  const response = await page.goto("/account");
  expect(response?.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe("/account");
  await expect(page.getByRole("main").getByText(`Signed in as ${user.email}`)).toBeVisible();
}
