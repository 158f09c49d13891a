import { expect, test } from "@playwright/test";
import { seedArticleSlug, seedArticleTitle } from "../db/demo/seed-article";

// On-site search (/search): a plain GET form, so the same journey works with and without
// JavaScript. It reads the demo content only; other specs' articles may add results for "demo".

test.describe("search", () => {
  test("searches from the form and highlights the matched word", async ({ page }) => {
    await page.goto("/search");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
    const form = page.getByRole("search", { name: "Articles" });
    await expect(form).toBeVisible();
    // An empty search shows the form alone.
    await expect(page.getByRole("main").getByRole("article")).toHaveCount(0);
    await expect(page.getByText(/No results/)).toHaveCount(0);

    await form.getByRole("searchbox", { name: "Search articles" }).fill("Kissinger");
    await form.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/search\?q=Kissinger$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search results for “Kissinger”");
    await expect(page.getByRole("searchbox", { name: "Search articles" })).toHaveValue("Kissinger");

    const results = page.getByRole("main").getByRole("article");
    await expect(results).toHaveCount(1);
    const result = results.first();
    await expect(result.getByRole("heading", { level: 2 }).getByRole("link", { name: seedArticleTitle })).toHaveAttribute(
      "href",
      `/articles/${seedArticleSlug}`,
    );
    await expect(result.getByRole("link", { name: "Owen" })).toHaveAttribute("href", "/authors/owen");
    await expect(result.locator("time")).toHaveAttribute("datetime", "2021-08-03T09:00:00.000Z");
    await expect(result.locator("mark")).toHaveText(["Kissinger"]);

    await result.getByRole("link", { name: seedArticleTitle }).click();
    await expect(page).toHaveURL(`/articles/${seedArticleSlug}`);
  });

  test("reaches search from the site header", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
    await expect(page).toHaveURL("/search");
    await expect(page.getByRole("searchbox", { name: "Search articles" })).toBeVisible();
  });

  test("paginates the results", async ({ page }) => {
    // Every demo article mentions the demo; there are more of them than one page holds.
    await page.goto("/search?q=demo");
    const pages = page.getByRole("navigation", { name: "Search result pages" });
    await expect(pages.getByText(/^Page 1 of \d+$/)).toBeVisible();
    const firstPage = await page.getByRole("main").getByRole("article").getByRole("heading", { level: 2 }).allTextContents();
    expect(firstPage.length).toBeGreaterThan(1);

    await pages.getByRole("link", { name: "More results →" }).click();
    await expect(page).toHaveURL(/\/search\?q=demo&page=2$/);
    await expect(pages.getByText(/^Page 2 of \d+$/)).toBeVisible();
    const secondPage = await page.getByRole("main").getByRole("article").getByRole("heading", { level: 2 }).allTextContents();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((title) => firstPage.includes(title))).toEqual([]);

    await pages.getByRole("link", { name: "← Previous results" }).click();
    await expect(page).toHaveURL(/\/search\?q=demo$/);
  });

  test("says so when nothing matches", async ({ page }) => {
    await page.goto("/search");
    await page.getByRole("searchbox", { name: "Search articles" }).fill("zzqxnothingmatchesthis");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByText("No results for “zzqxnothingmatchesthis”.")).toBeVisible();
    await expect(page.getByRole("main").getByRole("article")).toHaveCount(0);
  });

  test("answers hostile queries with a page, never an error", async ({ page, request }) => {
    const hostile = ['"', "(", "NEAR(a b)", "OR x", "AND", "*", "-foo", "日本語 🙂", "\u0000\u001b", "x".repeat(1000), "a".repeat(5000)];
    for (const query of hostile) {
      const response = await request.get(`/search?q=${encodeURIComponent(query)}&page=abc`);
      expect(response.status(), JSON.stringify(query.slice(0, 20))).toBe(200);
    }
    await page.goto(`/search?q=${encodeURIComponent('" OR (zzqxnone')}`);
    await expect(page.getByText("No results for “\" OR (zzqxnone”.")).toBeVisible();
  });

  test("is never kept in the page cache", async ({ request }) => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await request.get("/search?q=Kissinger");
      expect(response.status()).toBe(200);
      expect(response.headers()["x-page-cache"]).toBe("BYPASS");
    }
  });
});
