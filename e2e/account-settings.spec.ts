import { expect, test, type Page } from "@playwright/test";
import {
  createTestUser,
  expectSignedInAt,
  expectSignedOutAt,
  expectSignInRefused,
  formMessage,
  ipHeaders,
  mainNav,
  newClient,
  signInThroughForm,
  strongPassword,
  userExists,
} from "./support/accounts";
import { createArticle, setArticleStatus } from "./support/database";
import { primeCache } from "./support/http";
import { uniqueSuffix } from "./support/test-data";

// The /account page: who may see it, and the profile, password and delete forms on it.

test.use({ extraHTTPHeaders: async ({}, use) => use(ipHeaders()) });

function main(page: Page) {
  return page.getByRole("main");
}

function section(page: Page, heading: "Profile" | "Password" | "Delete your account") {
  return main(page).getByRole("region", { name: heading });
}

test("/account sends anonymous visitors to sign in and back", async ({ request, page }) => {
  const response = await request.get("/account", { maxRedirects: 0 });
  expect([303, 307]).toContain(response.status());
  expect(response.headers()["location"]).toBe("/login?callbackUrl=%2Faccount");

  await page.goto("/account");
  await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("callbackUrl") === "/account");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
});

test("an author's new bio is in the About box of their article on the very next anonymous request", async ({ page, request }) => {
  const author = await createTestUser({ role: "author" });
  const slug = `e2e-author-bio-${uniqueSuffix()}`;
  const articleId = await createArticle({
    slug,
    title: `E2E author bio ${slug}`,
    excerpt: `Excerpt of ${slug}.`,
    body: `Body of ${slug}.`,
    status: "published",
    authorId: author.id,
  });
  try {
    const articleUrl = `/articles/${slug}`;
    // A stale copy of the page is now in the cache and would be served if the change were missed.
    const primed = await primeCache(request, articleUrl);
    expect(authorBoxOf(await primed.text())).not.toContain("changed on /account");

    await signInThroughForm(page, author, { callbackUrl: "/account" });
    const profile = section(page, "Profile");
    await expect(profile.getByLabel("Display name")).toHaveValue(author.displayName);
    const bio = `Bio of ${author.displayName}, changed on /account at ${Date.now()}.`;
    await profile.getByLabel("Bio").fill(bio);
    await profile.getByRole("button", { name: "Save profile" }).click();
    await page.waitForURL((url) => url.pathname === "/account" && url.searchParams.get("saved") === "profile");
    await expect(main(page).getByRole("status").first()).toHaveText("Your profile was saved.");
    await expect(profile.getByLabel("Bio")).toHaveValue(bio);

    const box = authorBoxOf(await (await request.get(articleUrl)).text());
    expect(box).toMatch(new RegExp(`About (<!-- -->)?${escapeRegExp(author.displayName)}`));
    expect(box).toContain(bio);
  } finally {
    // Out of the listings again, so other specs' page counts stay as the seed made them.
    await setArticleStatus({ articleId, status: "draft" });
  }
});

test("changing the password needs the current one, keeps this browser signed in and signs out the others", async ({ page, browser }) => {
  const user = await createTestUser();
  const other = await newClient(browser);
  try {
    await signInThroughForm(other.page, user);
    await signInThroughForm(page, user);

    const form = section(page, "Password");
    const newPassword = strongPassword();
    await form.getByLabel("Current password").fill(`${user.password}-wrong`);
    await form.getByLabel("New password").fill(newPassword);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.locator("#field-currentPassword-error")).toHaveText("That is not your current password.");
    await expect(form.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
    await expect(formMessage(page).first()).toHaveText("Please correct the highlighted fields.");
    // Nothing changed: the other browser is still signed in.
    await expectSignedInAt(other.page, user);

    // A weak new password is refused too, even with the right current one.
    await form.getByLabel("Current password").fill(user.password);
    await form.getByLabel("New password").fill("tooshort");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.locator("#field-newPassword-error")).toHaveText("Use at least 10 characters.");

    await form.getByLabel("Current password").fill(user.password);
    await form.getByLabel("New password").fill(newPassword);
    await form.getByRole("button", { name: "Change password" }).click();
    await page.waitForURL((url) => url.pathname === "/account" && url.searchParams.get("saved") === "password");
    await expect(main(page).getByRole("status").first()).toHaveText("Your password was changed. Other sessions were signed out.");

    // This browser stays signed in; the other one was signed out on its next request.
    await expectSignedInAt(page, user);
    await expect(mainNav(page).getByRole("link", { name: user.displayName })).toBeVisible();
    await expectSignedOutAt(other.page, "/account");

    // Only the new password works from now on.
    await expectSignInRefused(other.page, user);
    await signInThroughForm(other.page, { email: user.email, password: newPassword });
  } finally {
    await other.context.close();
  }
});

test("deleting one's own account needs the password, signs out, and the email can no longer sign in", async ({ page }) => {
  const user = await createTestUser();
  await signInThroughForm(page, user);

  const form = section(page, "Delete your account");
  await form.getByLabel("Password").fill(`${user.password}-wrong`);
  await form.getByRole("button", { name: "Delete my account" }).click();
  await expect(form.locator("#field-password-error")).toHaveText("That is not your password.");
  expect(await userExists(user.email)).toBe(true);

  await form.getByLabel("Password").fill(user.password);
  await form.getByRole("button", { name: "Delete my account" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(mainNav(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(mainNav(page).getByRole("link", { name: user.displayName })).toHaveCount(0);
  expect(await userExists(user.email)).toBe(false);

  await expectSignedOutAt(page, "/account");
  await expectSignInRefused(page, user);
});

// The author box of an article page's HTML.
function authorBoxOf(html: string): string {
  const match = /<section class="author-box"[\s\S]*?<\/section>/.exec(html);
  if (!match) throw new Error("The page has no author box");
  return match[0];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
