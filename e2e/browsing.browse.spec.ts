import { expect, test, type Locator, type Page } from "@playwright/test";
import { demoPublication } from "../db/demo/demo-people";
import { owenBio, seedArticleSlug, seedArticleTitle } from "../db/demo/seed-article";
import { ArticlePage } from "./support/page-objects/article-page";

// Reader navigation through the listings. Other specs publish articles while these run, so the
// home page is checked for what must be there, never for its exact length or order.

function summaries(page: Page): Locator {
  return page.getByRole("main").getByRole("article");
}

function summaryOf(page: Page, title: string): Locator {
  return summaries(page).filter({ has: page.getByRole("heading", { level: 2, name: title, exact: true }) });
}

test.describe("home page", () => {
  test("lists articles with title, excerpt, author, date and comment count", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Latest articles");
    await expect(summaries(page).first()).toBeVisible();
    expect(await summaries(page).count()).toBeLessThanOrEqual(10);

    // Mina's newest demo article is among the newest seed articles, so it is always on page 1.
    const summary = summaryOf(page, "Demo: A Short Guide to Writing Excerpts");
    await expect(summary).toHaveCount(1);
    await expect(summary.getByRole("link", { name: "Demo: A Short Guide to Writing Excerpts" })).toHaveAttribute(
      "href",
      "/articles/a-short-guide-to-writing-excerpts",
    );
    await expect(summary.getByText(/^Demo article: sample advice on writing the one-sentence excerpt/)).toBeVisible();
    await expect(summary.getByRole("link", { name: "Mina (demo author)" })).toHaveAttribute("href", "/authors/mina-demo");
    await expect(summary.locator("time")).toHaveAttribute("datetime", "2021-11-23T09:00:00.000Z");
    await expect(summary.locator("time")).toHaveText("November 23, 2021");
    await expect(summary.getByRole("link", { name: "0 comments" })).toHaveAttribute(
      "href",
      "/articles/a-short-guide-to-writing-excerpts#comments",
    );

    // Every summary on the page has the same parts.
    for (const item of await summaries(page).all()) {
      await expect(item.getByRole("heading", { level: 2 }).getByRole("link")).toHaveAttribute("href", /^\/articles\/[a-z0-9-]+$/);
      await expect(item.getByRole("link", { name: /^\d+ comments?$/ })).toHaveCount(1);
      await expect(item.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
      // Other specs publish articles by their own authors into the shared database.
      await expect(item.locator(".article-meta a[href^='/authors/']")).toHaveCount(1);
    }
  });

  test("paginates to older articles and back", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Article pages" }).getByRole("link", { name: /Older articles/ }).click();
    await expect(page).toHaveURL(/\/\?page=2$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Articles, page 2");
    await expect(summaries(page)).toHaveCount(10);

    await page.getByRole("link", { name: /Older articles/ }).click();
    await expect(page).toHaveURL(/\/\?page=3$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Articles, page 3");
    // The oldest demo article, with its two approved comments, is on the last page.
    const welcome = summaryOf(page, "Demo: Welcome to the Platform");
    await expect(welcome.getByRole("link", { name: "2 comments" })).toBeVisible();

    await page.getByRole("link", { name: /Newer articles/ }).click();
    await expect(page).toHaveURL(/\/\?page=2$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Articles, page 2");

    await page.getByRole("link", { name: /Newer articles/ }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Latest articles");
    await expect(page.getByRole("link", { name: /Newer articles/ })).toHaveCount(0);
  });

  test("leads to an article", async ({ page }) => {
    await page.goto("/");
    // A seed article: one another spec publishes may be unpublished again before the click lands.
    const title = "Demo: A Short Guide to Writing Excerpts";
    await summaryOf(page, title).getByRole("link", { name: title }).click();
    await expect(page).toHaveURL(/\/articles\/a-short-guide-to-writing-excerpts$/);
    const article = new ArticlePage(page);
    await expect(article.title).toHaveText(title);
    await expect(article.byline.getByRole("link", { name: "Mina (demo author)" })).toBeVisible();
  });
});

test.describe("author page", () => {
  test("shows Owen's count, bio and ten articles per page", async ({ page }) => {
    await page.goto("/authors/owen");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Owen");
    await expect(page.getByText("15 Articles", { exact: true })).toBeVisible();
    await expect(page.getByText(owenBio, { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Articles by Owen" })).toBeVisible();
    await expect(summaries(page)).toHaveCount(10);
    await expect(summaryOf(page, seedArticleTitle)).toHaveCount(1);
    await expect(page.getByText("Page 1 of 2")).toBeVisible();

    await page.getByRole("link", { name: /Older articles/ }).click();
    await expect(page).toHaveURL(/\/authors\/owen\?page=2$/);
    await expect(summaries(page)).toHaveCount(5);
    await expect(page.getByText("Page 2 of 2")).toBeVisible();
    await expect(page.getByRole("link", { name: /Older articles/ })).toHaveCount(0);
    await expect(summaryOf(page, "Demo: Welcome to the Platform")).toHaveCount(1);
  });
});

test.describe("publication page", () => {
  test("describes the fictional publication and lists its articles", async ({ page }) => {
    await page.goto(`/publications/${demoPublication.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(demoPublication.name);
    await expect(page.getByText(demoPublication.description, { exact: true })).toBeVisible();
    const facts = page.getByRole("main").locator("header dl");
    await expect(facts).toContainText("Japan");
    await expect(facts).toContainText("Japanese");
    await expect(facts.getByRole("link", { name: "kohoku-shimbun.example" })).toHaveAttribute("href", demoPublication.website);

    await expect(page.getByRole("heading", { level: 2, name: `Translated from ${demoPublication.name}` })).toBeVisible();
    await expect(summaries(page)).toHaveCount(6);
    await expect(summaryOf(page, seedArticleTitle)).toHaveCount(1);
    await expect(summaryOf(page, "Demo: Notes on Reading Long Translated Articles")).toHaveCount(1);
  });
});

test.describe("tag pages", () => {
  test("the demo tag lists articles", async ({ page }) => {
    await page.goto("/tags/demo");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tagged “Demo”");
    await expect(summaries(page)).toHaveCount(10);
    await expect(summaryOf(page, "Demo: A Short Guide to Writing Excerpts")).toHaveCount(1);
    await expect(page.getByRole("link", { name: /Older articles/ })).toHaveAttribute("href", "/tags/demo?page=2");
  });

  test("an article's tag link leads to the tag page", async ({ page }) => {
    const article = await ArticlePage.open(page, seedArticleSlug);
    await article.article.getByRole("link", { name: "Diplomacy", exact: true }).click();
    await expect(page).toHaveURL(/\/tags\/diplomacy$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tagged “Diplomacy”");
    await expect(summaryOf(page, seedArticleTitle)).toHaveCount(1);
  });
});

test("the welcome article shows its approved comments, the reply nested under the first", async ({ page }) => {
  const article = await ArticlePage.open(page, "welcome-to-the-demo-platform");
  const { comments } = article;
  await expect(comments.getByRole("heading", { level: 2 })).toHaveText("2 thoughts on “Demo: Welcome to the Platform”");
  await expect(comments.getByRole("article")).toHaveCount(2);

  const first = "Demo comment: this is what an approved comment looks like.";
  const reply = "Demo reply: and this is a threaded reply from the author.";
  const topLevel = comments.locator(":scope > ol > li");
  await expect(topLevel).toHaveCount(1);
  await expect(topLevel.locator(":scope > article")).toContainText("Sam (demo reader)");
  await expect(topLevel.locator(":scope > article")).toContainText(first);

  const nested = topLevel.locator(":scope > ol > li");
  await expect(nested).toHaveCount(1);
  await expect(nested.getByRole("article")).toContainText("Owen");
  await expect(nested.getByRole("article")).toContainText(reply);
  await expect(nested).not.toContainText(first);
});

test("dark mode changes the page background", async ({ page }) => {
  const body = page.locator("body");
  const backgroundOf = () => body.evaluate((element) => getComputedStyle(element).backgroundColor);
  // Sum of the red, green and blue channels of "rgb(r, g, b)".
  const brightness = (colour: string) => (colour.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, channel) => sum + Number(channel), 0);

  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const light = await backgroundOf();
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await backgroundOf();

  expect(dark).not.toBe(light);
  expect(brightness(dark), `dark ${dark} is darker than light ${light}`).toBeLessThan(brightness(light));
});

test.describe("an unknown article", () => {
  test("shows the not-found page inside the site's layout", async ({ page }) => {
    const response = await page.goto("/articles/no-such-article");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found", { timeout: 2_000 });
    await expect(page.getByRole("link", { name: "Go to the latest articles" })).toHaveAttribute("href", "/");
    await expect(page.getByRole("banner")).toHaveCount(1);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });
});
