import { expect, test, type Locator, type Page } from "@playwright/test";
import { createTestUser, ipHeaders, mainNav, newClient, signInThroughForm, type TestUser } from "./support/accounts";
import { updateSiteSettings } from "./support/database";
import { postServerActionForm, serverActionFormFields } from "./support/form-replay";
import { primeCache } from "./support/http";
import { uniqueSuffix } from "./support/test-data";
import { getSiteSettings } from "../db/queries/site-settings";
import type { UserRole } from "../db/schema";
import { siteSettingsDefaults, type SiteSettings } from "../lib/site-settings";

// /admin/settings, with JavaScript on (server actions called by the client) and off (plain form
// posts answered with a redirect or a re-rendered form).
//
// Site settings are global and the e2e database is shared: other specs read the title and post
// comments under the default discussion rules. So every test that changes a setting restores the
// defaults in `finally` as soon as it has checked what it needs, and this file runs in projects of
// its own, after every other spec and one at a time (playwright.config.ts).

test.use({ extraHTTPHeaders: async ({}, use) => use(ipHeaders()) });

const SETTINGS_PATH = "/admin/settings";
// The discussion rules alone: the title may be changed by another spec at the same time.
function discussionOf(settings: SiteSettings): Omit<SiteSettings, "siteTitle" | "tagline"> {
  const { siteTitle: _title, tagline: _tagline, ...discussion } = settings;
  return discussion;
}

const defaultDiscussion = discussionOf(siteSettingsDefaults);

async function restoreDefaults(): Promise<void> {
  await updateSiteSettings({ ...siteSettingsDefaults });
}

function main(page: Page): Locator {
  return page.getByRole("main");
}

function section(page: Page, name: "General" | "Discussion"): Locator {
  return main(page).getByRole("region", { name });
}

function savedMessage(page: Page): Locator {
  return main(page).getByRole("status").first();
}

async function signInAsAdmin(page: Page): Promise<TestUser> {
  const admin = await createTestUser({ role: "admin" });
  await signInThroughForm(page, admin, { callbackUrl: "/account" });
  return admin;
}

async function openSettings(page: Page): Promise<void> {
  const response = await page.goto(SETTINGS_PATH);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
}

async function waitForSaved(page: Page, sectionName: "general" | "discussion"): Promise<void> {
  await page.waitForURL((url) => url.pathname === SETTINGS_PATH && url.searchParams.get("saved") === sectionName);
  await expect(savedMessage(page)).toHaveText("Settings saved.");
}

function discussionFields(page: Page) {
  const form = section(page, "Discussion");
  const field = (label: string) => form.getByLabel(label, { exact: true });
  return {
    form,
    holdAll: field("Hold every comment for moderation"),
    priorApproval: field("A comment author must have a previously approved comment"),
    maxLinks: field("Hold a comment if it contains more than this many links"),
    disallowedWords: field("Disallowed words"),
    floodSeconds: field("Minimum seconds between two comments by the same person"),
    threadDepth: field("Nest replies up to this many levels"),
    editMinutes: field("Commenters may edit their comment for this many minutes"),
    save: form.getByRole("button", { name: "Save discussion settings" }),
  };
}

test("an admin changes the site title and tagline, and an anonymous visitor sees them at once", async ({ page, browser, request }) => {
  await signInAsAdmin(page);
  const visitor = await newClient(browser);
  try {
    const siteTitle = `E2E title ${uniqueSuffix()}`;
    const tagline = `E2E tagline ${uniqueSuffix()}`;
    try {
      // A stale home page is now cached and would be served if the change were missed.
      expect(await (await primeCache(request, "/")).text()).toContain(`>${siteSettingsDefaults.siteTitle}</a>`);

      await openSettings(page);
      const general = section(page, "General");
      await expect(general.getByLabel("Site title", { exact: true })).toHaveValue(siteSettingsDefaults.siteTitle);
      await expect(general.getByLabel("Tagline", { exact: true })).toHaveValue(siteSettingsDefaults.tagline);
      await general.getByLabel("Site title", { exact: true }).fill(siteTitle);
      await general.getByLabel("Tagline", { exact: true }).fill(tagline);
      await general.getByRole("button", { name: "Save general settings" }).click();
      await waitForSaved(page, "general");
      await expect(general.getByLabel("Site title", { exact: true })).toHaveValue(siteTitle);
      await expect(page.getByRole("banner").getByRole("link", { name: siteTitle })).toBeVisible();

      await visitor.page.goto("/");
      const banner = visitor.page.getByRole("banner");
      await expect(banner.getByRole("link", { name: siteTitle, exact: true })).toBeVisible();
      await expect(banner.getByText(tagline, { exact: true })).toBeVisible();
      await expect(mainNav(visitor.page).getByRole("link", { name: "Sign in" })).toBeVisible();
      await expect(visitor.page).toHaveTitle(siteTitle);
    } finally {
      await restoreDefaults();
    }
  } finally {
    await visitor.context.close();
  }
});

test("the time zone and articles per page reach every cached listing at once", async ({ page, request }) => {
  await signInAsAdmin(page);
  try {
    // Mina's newest demo article, published 2021-11-23 09:00 UTC: still the 22nd in Pago Pago (UTC−11).
    const mina = /<a href="\/articles\/a-short-guide-to-writing-excerpts">[\s\S]*?<time[^>]*>([^<]+)<\/time>/;
    const before = await (await primeCache(request, "/")).text();
    expect(mina.exec(before)?.[1]).toBe("November 23, 2021");

    await openSettings(page);
    const general = section(page, "General");
    await general.getByLabel("Time zone", { exact: true }).selectOption("Pacific/Pago_Pago");
    await general.getByLabel("Articles per page", { exact: true }).fill("5");
    await general.getByRole("button", { name: "Save general settings" }).click();
    await waitForSaved(page, "general");

    const after = await (await request.get("/")).text();
    expect(mina.exec(after)?.[1]).toBe("November 22, 2021");
    expect(after.match(/<article class="article-summary">/g)).toHaveLength(5);
  } finally {
    await restoreDefaults();
  }
});

test("an admin changes the discussion settings and they are stored and shown again", async ({ page }) => {
  await signInAsAdmin(page);
  try {
    await openSettings(page);
    const fields = discussionFields(page);
    await expect(fields.holdAll).not.toBeChecked();
    await expect(fields.priorApproval).toBeChecked();
    await expect(fields.maxLinks).toHaveValue("2");
    await expect(fields.disallowedWords).toHaveValue("");
    await expect(fields.floodSeconds).toHaveValue("15");
    await expect(fields.threadDepth).toHaveValue("5");
    await expect(fields.editMinutes).toHaveValue("10");

    await fields.holdAll.check();
    await fields.priorApproval.uncheck();
    await fields.maxLinks.fill("4");
    // Blank lines and outer spaces are dropped when saved.
    await fields.disallowedWords.fill("casino\n\n  Cheap Pills  \n");
    await fields.floodSeconds.fill("20");
    await fields.threadDepth.fill("7");
    await fields.editMinutes.fill("0");
    await fields.save.click();
    await waitForSaved(page, "discussion");

    expect(discussionOf(await getSiteSettings())).toEqual({
      ...defaultDiscussion,
      commentsHoldAll: true,
      commentsRequirePriorApproval: false,
      commentMaxLinks: 4,
      commentDisallowedWords: "casino\nCheap Pills",
      commentFloodSeconds: 20,
      commentThreadDepth: 7,
      commentEditMinutes: 0,
    });

    // A fresh load shows what was stored.
    await page.reload();
    const reloaded = discussionFields(page);
    await expect(reloaded.holdAll).toBeChecked();
    await expect(reloaded.priorApproval).not.toBeChecked();
    await expect(reloaded.maxLinks).toHaveValue("4");
    await expect(reloaded.disallowedWords).toHaveValue("casino\nCheap Pills");
    await expect(reloaded.floodSeconds).toHaveValue("20");
    await expect(reloaded.threadDepth).toHaveValue("7");
    await expect(reloaded.editMinutes).toHaveValue("0");
  } finally {
    await restoreDefaults();
  }
});

test("an invalid value is refused with its message, and everything typed stays in the form", async ({ page }) => {
  await signInAsAdmin(page);
  try {
    await openSettings(page);
    const fields = discussionFields(page);
    await fields.holdAll.check();
    await fields.priorApproval.uncheck();
    await fields.maxLinks.fill("3");
    await fields.disallowedWords.fill("casino\ncheap pills");
    await fields.floodSeconds.fill("25");
    await fields.threadDepth.fill("11");
    await fields.editMinutes.fill("");
    await fields.save.click();

    await expect(fields.form.locator("#field-commentThreadDepth-error")).toHaveText("At most 10 levels.");
    await expect(fields.threadDepth).toHaveAttribute("aria-invalid", "true");
    await expect(fields.form.locator("#field-commentEditMinutes-error")).toHaveText("Enter a number.");
    await expect(fields.form.locator(".form-message")).toHaveText("Please correct the highlighted fields.");
    await expect(fields.holdAll).toBeChecked();
    await expect(fields.priorApproval).not.toBeChecked();
    await expect(fields.maxLinks).toHaveValue("3");
    await expect(fields.disallowedWords).toHaveValue("casino\ncheap pills");
    await expect(fields.floodSeconds).toHaveValue("25");
    await expect(fields.threadDepth).toHaveValue("11");
    await expect(fields.maxLinks).not.toHaveAttribute("aria-invalid", "true");
    expect(new URL(page.url()).searchParams.get("saved")).toBeNull();
    expect(discussionOf(await getSiteSettings())).toEqual(defaultDiscussion);

    // Corrected, the same form saves, and no stale error is left on it.
    await fields.threadDepth.fill("4");
    await fields.editMinutes.fill("5");
    await fields.save.click();
    await waitForSaved(page, "discussion");
    await expect(fields.form.locator(".form-error")).toHaveCount(0);
    await expect(fields.threadDepth).toHaveValue("4");
    await expect(fields.holdAll).toBeChecked();
    const stored = await getSiteSettings();
    expect([stored.commentThreadDepth, stored.commentEditMinutes, stored.commentsHoldAll]).toEqual([4, 5, true]);
  } finally {
    await restoreDefaults();
  }
});

test("an empty site title is refused and the typed tagline stays", async ({ page }) => {
  await signInAsAdmin(page);
  try {
    await openSettings(page);
    const general = section(page, "General");
    const tagline = `E2E refused tagline ${uniqueSuffix()}`;
    await general.getByLabel("Site title", { exact: true }).fill("   ");
    await general.getByLabel("Tagline", { exact: true }).fill(tagline);
    await general.getByRole("button", { name: "Save general settings" }).click();

    await expect(general.locator("#field-siteTitle-error")).toHaveText("Enter a site title.");
    await expect(general.getByLabel("Tagline", { exact: true })).toHaveValue(tagline);
    await expect(general.getByLabel("Site title", { exact: true })).toHaveValue("   ");
    expect((await getSiteSettings()).tagline).toBe(siteSettingsDefaults.tagline);
  } finally {
    await restoreDefaults();
  }
});

test("/admin/settings sends anonymous visitors to sign in and back", async ({ page }) => {
  await page.goto(SETTINGS_PATH);
  await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("callbackUrl") === SETTINGS_PATH);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
});

for (const role of ["reader", "author", "moderator"] satisfies UserRole[]) {
  test(`${role === "author" ? "an" : "a"} ${role} gets the 403 page at /admin/settings`, async ({ page }) => {
    const user = await createTestUser({ role });
    await signInThroughForm(page, user, { callbackUrl: "/account" });
    const response = await page.goto(SETTINGS_PATH);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
    await expect(main(page).getByLabel("Site title")).toHaveCount(0);
  });
}

test("the settings actions refuse a moderator who posts the form directly", async ({ page, browser }) => {
  // The posts are replayed at the HTTP level, so the browser setting changes nothing: one run is enough.
  test.skip(test.info().project.use.javaScriptEnabled === false, "an HTTP-level check; one run is enough");
  await signInAsAdmin(page);
  const moderator = await newClient(browser);
  try {
    await signInThroughForm(moderator.page, await createTestUser({ role: "moderator" }), { callbackUrl: "/account" });
    const html = await (await page.request.get(SETTINGS_PATH)).text();
    try {
      const discussionFields = serverActionFormFields(html, "commentFloodSeconds");
      const discussionPost = {
        commentMaxLinks: "50",
        commentDisallowedWords: "",
        commentFloodSeconds: "0",
        commentThreadDepth: "10",
        commentEditMinutes: "60",
        commentReportThreshold: "3",
      };
      await postServerActionForm(moderator.context.request, SETTINGS_PATH, discussionFields, discussionPost);
      await postServerActionForm(moderator.context.request, SETTINGS_PATH, serverActionFormFields(html, "siteTitle"), {
        siteTitle: "Taken over",
        tagline: "",
      });
      const stored = await getSiteSettings();
      expect(discussionOf(stored)).toEqual(defaultDiscussion);
      expect(stored.siteTitle).not.toBe("Taken over");

      // The same post from the admin is applied, so the refusal above was the role check's.
      await postServerActionForm(page.request, SETTINGS_PATH, discussionFields, discussionPost);
      expect((await getSiteSettings()).commentEditMinutes).toBe(60);
    } finally {
      await restoreDefaults();
    }
  } finally {
    await moderator.context.close();
  }
});
