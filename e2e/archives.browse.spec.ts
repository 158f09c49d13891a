import { expect, test } from "@playwright/test";
import { demoArticles } from "../db/demo/demo-articles";
import { seedArticlePublishedAt, seedArticleSlug, seedArticleTitle } from "../db/demo/seed-article";

// Browsing by date and by tag, and moving between articles: plain links, so the same journeys
// run with and without JavaScript. They read the demo content of 2021 only; other specs date
// their articles in 2000 or now.

const seedTime = Date.parse(seedArticlePublishedAt);
const byDate = [...demoArticles].sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt));
const olderThanSeed = byDate.filter((article) => Date.parse(article.publishedAt) < seedTime).at(-1);
const newerThanSeed = byDate.find((article) => Date.parse(article.publishedAt) > seedTime);
const august2021 = demoArticles.filter((article) => article.publishedAt.startsWith("2021-08")).length + 1;

test.describe("archives and tag index", () => {
  test("browses the archive from the footer: index, year, month", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("contentinfo").getByRole("navigation", { name: "Browse" }).getByRole("link", { name: "Archive" }).click();
    await expect(page).toHaveURL("/archive");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Archive");
    const year2021 = page.getByRole("region", { name: "2021" });
    await expect(year2021.getByRole("listitem").filter({ hasText: "August 2021" })).toHaveText(`August 2021 (${august2021} articles)`);

    await year2021.getByRole("link", { name: "August 2021" }).click();
    await expect(page).toHaveURL("/archive/2021/08");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Archive: August 2021");
    const listed = page.getByRole("main").getByRole("article");
    await expect(listed).toHaveCount(august2021);
    const seed = listed.filter({ has: page.getByRole("link", { name: seedArticleTitle }) });
    await expect(seed.locator(".article-meta")).toContainText(/· \d+ min read ·/);

    await page.getByRole("main").getByRole("link", { name: "2021", exact: true }).click();
    await expect(page).toHaveURL("/archive/2021");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Archive: 2021");
    await expect(page.getByRole("main").getByRole("link", { name: "March 2021" })).toHaveAttribute("href", "/archive/2021/03");
    await expect(page.getByRole("main").getByRole("link", { name: "January 2021" })).toHaveCount(0);
  });

  test("lists every tag with its article count", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("contentinfo").getByRole("link", { name: "Tags" }).click();
    await expect(page).toHaveURL("/tags");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tags");
    const demoCount = demoArticles.filter((article) => article.tagSlugs.includes("demo")).length;
    await expect(page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Demo", exact: true }) })).toHaveText(
      new RegExp(`^Demo \\((\\d+) articles\\)$`),
    );
    const text = await page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Demo", exact: true }) }).textContent();
    expect(Number(/\((\d+) articles\)/.exec(text ?? "")?.[1])).toBeGreaterThanOrEqual(demoCount);
    await page.getByRole("link", { name: "Diplomacy", exact: true }).click();
    await expect(page).toHaveURL("/tags/diplomacy");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tagged “Diplomacy”");
  });

  test("an article shows its reading time, its previous and next articles and related ones", async ({ page }) => {
    if (!olderThanSeed || !newerThanSeed) throw new Error("demo content has no neighbours for the seed article");
    await page.goto(`/articles/${seedArticleSlug}`);
    await expect(page.locator(".byline")).toContainText(/· \d+ min read$/);

    const neighbours = page.getByRole("navigation", { name: "Previous and next articles" });
    await expect(neighbours.getByRole("link")).toHaveCount(2);
    await expect(neighbours.getByRole("link", { name: olderThanSeed.title })).toHaveAttribute("href", `/articles/${olderThanSeed.slug}`);
    await expect(neighbours.getByRole("link", { name: newerThanSeed.title })).toHaveAttribute("href", `/articles/${newerThanSeed.slug}`);

    const related = page.getByRole("region", { name: "Related articles" });
    await expect(related.getByRole("link")).toHaveCount(3);
    await expect(related.getByRole("link", { name: seedArticleTitle })).toHaveCount(0);

    await neighbours.getByRole("link", { name: newerThanSeed.title }).click();
    await expect(page).toHaveURL(`/articles/${newerThanSeed.slug}`);
    await expect(
      page.getByRole("navigation", { name: "Previous and next articles" }).getByRole("link", { name: seedArticleTitle }),
    ).toHaveAttribute("href", `/articles/${seedArticleSlug}`);
  });

  test("unknown and empty archive months are 404 pages", async ({ page, request }) => {
    for (const url of ["/archive/2021/13", "/archive/abcd/01", "/archive/2021/1", "/archive/2021/01", "/archive/1999", "/archive/2021/08?page=2"]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(404);
      expect(await response.text(), url).toContain("Page not found");
    }
    const response = await page.goto("/archive/2021/13");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  });
});
