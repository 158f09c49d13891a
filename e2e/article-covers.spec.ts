import sharp from "sharp";
import { expect, test, type Page } from "@playwright/test";
import { createTestUser, ipHeaders, newClient, signInThroughForm } from "./support/accounts";
import {
  editorField,
  editorMessage,
  editorReady,
  fillEditor,
  NEW_ARTICLE_PATH,
  pressAndWaitForSaved,
  storedArticle,
  unpublishIfStillPublished,
  waitForAutosave,
} from "./support/publishing";
import { uniqueSuffix } from "./support/test-data";

// An article's cover (JavaScript on: uploaded in place with fetch). Publishing without alt text
// is refused and keeps what was typed; once described, readers get it above the body as the
// page's eager, high-priority image with WebP srcset, the social image is drawn from it, and
// listings show it as a thumbnail.

test.use({ extraHTTPHeaders: async ({}, use) => use(ipHeaders()) });

const coverPicker = (page: Page) => page.getByRole("group", { name: "Cover image" });

test("a cover without alt text is refused on publish; described, it heads the article and its social image", async ({ page, browser }) => {
  // An upload (three WebP variants) and a social card drawn from it, on a 2-core runner.
  test.setTimeout(60_000);
  const suffix = uniqueSuffix();
  const author = await createTestUser({ role: "author" });
  await signInThroughForm(page, author, { callbackUrl: NEW_ARTICLE_PATH });
  await editorReady(page);
  const typed = { Title: `Cover ${suffix}`, "Body (Markdown)": `Words under the cover ${suffix}.` };
  await fillEditor(page, typed);

  // A blue 2000×1000 image: the social image's top corner must come out blue.
  const blue = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: { r: 20, g: 60, b: 200 } } })
    .jpeg()
    .toBuffer();
  await coverPicker(page).getByLabel("Upload a new cover").setInputFiles({ name: "blue.jpg", mimeType: "image/jpeg", buffer: blue });
  await coverPicker(page).getByRole("button", { name: "Upload as cover" }).click();
  await expect(coverPicker(page).getByRole("status")).toHaveText(/^Uploaded and chosen as the cover\./);
  await expect(editorField(page, "Cover")).toHaveValue(/^[0-9a-f]{24}$/);
  await editorField(page, "Cover caption (optional)").fill(`Caption ${suffix}`);
  await waitForAutosave(page);

  await page.getByRole("button", { name: "Publish now", exact: true }).click();
  // The picker's own status line is a form message too: pick the refusal out.
  await expect(editorMessage(page).filter({ hasText: /^The cover image has no alt text\./ })).toHaveClass(/form-message-error/);
  await expect(editorField(page, "Cover alt text")).toHaveAttribute("aria-invalid", "true");
  await expect(editorField(page, "Title")).toHaveValue(typed.Title);
  await expect(editorField(page, "Body (Markdown)")).toHaveValue(typed["Body (Markdown)"]);
  await expect(editorField(page, "Cover caption (optional)")).toHaveValue(`Caption ${suffix}`);
  const draftId = Number(/\/articles\/(\d+)\//.exec(page.url())?.[1]);
  expect(storedArticle(draftId)?.status).toBe("draft");

  let articleId: number | null = null;
  try {
    await editorField(page, "Cover alt text").fill("A deep blue field");
    articleId = await pressAndWaitForSaved(page, "Publish now", "published");
    const stored = storedArticle(articleId!)!;
    expect(stored).toMatchObject({ status: "published", coverAlt: "A deep blue field" });

    const { context: reader, page: readerPage } = await newClient(browser);
    await readerPage.goto(`/articles/${stored.slug}`);
    const figure = readerPage.locator("article figure.article-cover");
    const image = figure.locator("img");
    await expect(image).toHaveAttribute("alt", "A deep blue field");
    await expect(image).toHaveAttribute("width", "1600");
    await expect(image).toHaveAttribute("height", "800");
    await expect(image).toHaveAttribute("loading", "eager");
    await expect(image).toHaveAttribute("fetchpriority", "high");
    await expect(image).toHaveAttribute(
      "srcset",
      `/media/${stored.coverMediaId}-480.webp 480w, /media/${stored.coverMediaId}-960.webp 960w, /media/${stored.coverMediaId}-1600.webp 1600w`,
    );
    await expect(figure.locator("figcaption")).toHaveText(`Caption ${suffix}`);

    const ogImage = (await readerPage.locator('meta[property="og:image"]').getAttribute("content")) ?? "";
    expect(ogImage).toContain(`/articles/${stored.slug}/social-image.png?v=`);
    expect(await readerPage.locator('meta[name="twitter:image"]').getAttribute("content")).toBe(ogImage);
    const social = await reader.request.get(ogImage);
    expect(social.status()).toBe(200);
    expect(social.headers()["content-type"]).toMatch(/^image\//);
    const { data, info } = await sharp(await social.body()).extract({ left: 20, top: 20, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
    expect(info.width).toBe(1);
    const [red, green, blueChannel] = data;
    expect(blueChannel).toBeGreaterThan(150);
    expect(red).toBeLessThan(80);
    expect(green).toBeLessThan(110);

    // Listings show the cover as a decorative thumbnail beside the summary (the title says it all).
    await readerPage.goto(`/authors/${author.slug}`);
    const summary = readerPage.locator("article.article-summary").filter({ hasText: typed.Title });
    const thumbnail = summary.locator("img.article-summary-cover");
    await expect(thumbnail).toHaveAttribute("alt", "");
    await expect(thumbnail).toHaveAttribute("width", "480");
    await expect(thumbnail).toHaveAttribute("height", "240");
    await expect(thumbnail).toHaveAttribute("srcset", `/media/${stored.coverMediaId}-480.webp 480w, /media/${stored.coverMediaId}-960.webp 960w`);
    expect(await thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await reader.close();

    // The media list names the use, and offers no Delete for an upload that is a cover.
    await page.goto("/dashboard/media");
    const item = page.getByRole("listitem").filter({ hasText: `cover of ${typed.Title}` });
    await expect(item).toContainText(`Used in: cover of ${typed.Title} (published)`);
    await expect(item.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  } finally {
    await unpublishIfStillPublished(articleId ?? draftId);
  }
});
