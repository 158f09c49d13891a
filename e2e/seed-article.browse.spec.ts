import { expect, test } from "@playwright/test";
import { demoPublication } from "../db/demo/demo-people";
import { owenBio, seedArticleParagraphs, seedArticleSlug, seedArticleTitle } from "../db/demo/seed-article";
import { ArticlePage, normaliseSpace } from "./support/page-objects/article-page";

// The seed article must read exactly as the page this site first reproduced. Nothing in the
// suite writes to it or to Owen, so these checks hold while other specs run.

let articlePage: ArticlePage;

test.beforeEach(async ({ page }) => {
  articlePage = await ArticlePage.open(page, seedArticleSlug);
});

test("shows the title and a byline linking to Owen with the publication date", async ({ page }) => {
  await expect(page).toHaveTitle(new RegExp(`^${seedArticleTitle} \\| `));
  await expect(articlePage.title).toHaveText(seedArticleTitle);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);

  const { byline } = articlePage;
  await expect(byline).toHaveText(/^By Owen · August 3, 2021 · \d+ min read$/);
  await expect(byline.getByRole("link", { name: "Owen", exact: true })).toHaveAttribute("href", "/authors/owen");
  const published = byline.locator("time");
  await expect(published).toHaveAttribute("datetime", "2021-08-03T09:00:00.000Z");
  await expect(published).toHaveText("August 3, 2021");
});

test("reproduces every seed paragraph, in order", async () => {
  await expect(articlePage.bodyParagraphs).toHaveText([...seedArticleParagraphs]);

  const text = await articlePage.mainText();
  let previous = -1;
  for (const [index, paragraph] of seedArticleParagraphs.entries()) {
    const position = text.indexOf(normaliseSpace(paragraph));
    expect(position, `paragraph ${index + 1} is in the main text`).toBeGreaterThanOrEqual(0);
    expect(position, `paragraph ${index + 1} comes after paragraph ${index}`).toBeGreaterThan(previous);
    previous = position;
  }
});

test("credits the publication and presents Owen after the article", async ({ page }) => {
  const { aboutPublication, authorBox } = articlePage;
  await expect(aboutPublication.getByRole("heading", { level: 2 })).toHaveText("About this publication");
  await expect(aboutPublication.getByRole("link", { name: demoPublication.name })).toHaveAttribute(
    "href",
    `/publications/${demoPublication.slug}`,
  );

  await expect(authorBox.getByRole("heading", { level: 2 })).toHaveText("About Owen");
  await expect(authorBox.getByText(owenBio, { exact: true })).toBeVisible();
  const articleCount = authorBox.getByRole("link", { name: "15 Articles", exact: true });
  await expect(articleCount).toHaveAttribute("href", "/authors/owen");

  await articleCount.click();
  await expect(page).toHaveURL(/\/authors\/owen$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Owen");
});

test("invites the first comment and shows the reply section", async () => {
  await expect(articlePage.comments.getByText("Be the first to comment", { exact: true })).toBeVisible();
  await expect(articlePage.comments.getByRole("listitem")).toHaveCount(0);
  await expect(articlePage.leaveAReply.getByRole("heading", { level: 2 })).toHaveText("Leave a Reply");
});

test("lays the sections out in the seed's order", async () => {
  const lastParagraph = seedArticleParagraphs[seedArticleParagraphs.length - 1] ?? "";
  const sequence = [
    seedArticleTitle,
    seedArticleParagraphs[0] ?? "",
    lastParagraph,
    "About this publication",
    demoPublication.name,
    "About Owen",
    "15 Articles",
    owenBio,
    "Be the first to comment",
    "Leave a Reply",
  ];
  const text = await articlePage.mainText();
  let previous = -1;
  let previousLabel = "the start of <main>";
  for (const marker of sequence) {
    const position = text.indexOf(normaliseSpace(marker), previous + 1);
    const label = marker.length > 40 ? `${marker.slice(0, 40)}…` : marker;
    expect(position, `"${label}" appears after "${previousLabel}"`).toBeGreaterThan(previous);
    previous = position;
    previousLabel = label;
  }
});

test("is an accessible English document with landmarks and a skip link", async ({ page }) => {
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  const skipLink = page.getByRole("link", { name: "Skip to content" });
  await expect(skipLink).toHaveAttribute("href", "#main");
  await expect(page.locator("body > a").first()).toHaveText("Skip to content");
  await page.keyboard.press("Tab");
  await expect(skipLink).toBeFocused();

  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("main")).toHaveAttribute("id", "main");
  await expect(page.getByRole("contentinfo")).toHaveCount(1);

  await expect(articlePage.article).toHaveCount(1);
  await expect(articlePage.article.getByRole("heading", { level: 1 })).toHaveText(seedArticleTitle);
  await expect(articlePage.article).toContainText(seedArticleParagraphs[0] ?? "");
});
