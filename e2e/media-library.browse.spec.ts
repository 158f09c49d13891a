import sharp from "sharp";
import { expect, test, type Page } from "@playwright/test";
import { createTestUser, ipHeaders, signInThroughForm } from "./support/accounts";
import { createArticle } from "./support/database";
import { uniqueSuffix } from "./support/test-data";

// The media list: an author uploads with the plain form (JavaScript on and off), sees where each
// image is used, and deletes an unused one, whose files go with it.

test.use({ extraHTTPHeaders: async ({}, use) => use(ipHeaders()) });

async function uploadThroughForm(page: Page, width: number): Promise<string> {
  const png = await sharp({ create: { width, height: 300, channels: 3, background: { r: 20, g: 90, b: 160 } } }).png().toBuffer();
  await page.getByRole("form", { name: "Upload an image" }).getByLabel("Image file").setInputFiles({ name: "blue.png", mimeType: "image/png", buffer: png });
  await page.getByRole("form", { name: "Upload an image" }).getByRole("button", { name: "Upload" }).click();
  await page.waitForURL((url) => url.searchParams.has("uploaded"));
  return new URL(page.url()).searchParams.get("uploaded") ?? "";
}

test("an author sees where each upload is used and deletes an unused one with its files", async ({ page }) => {
  const author = await createTestUser({ role: "author" });
  await signInThroughForm(page, author, { callbackUrl: "/dashboard/media" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your media");

  const unused = await uploadThroughForm(page, 600);
  await expect(page.getByRole("status").filter({ hasText: "Image uploaded." })).toBeVisible();
  const used = await uploadThroughForm(page, 500);
  expect(unused).toMatch(/^[0-9a-f]{24}$/);

  const title = `Uses an image ${uniqueSuffix()}`;
  await createArticle({
    slug: `e2e-media-${uniqueSuffix()}`,
    title,
    body: `![Blue](/media/${used}-500.webp#500x300)`,
    status: "draft",
    authorId: author.id,
  });
  await page.reload();
  const items = page.locator(".media-item");
  await expect(items).toHaveCount(2);
  const usedItem = items.filter({ has: page.locator(`input[value*="${used}"]`) });
  await expect(usedItem).toContainText(`Used in: ${title} (draft)`);
  await expect(usedItem.getByRole("button", { name: "Delete" })).toHaveCount(0);

  const unusedItem = items.filter({ has: page.locator(`input[value*="${unused}"]`) });
  await expect(unusedItem).toContainText("Not used in any article.");
  expect((await page.request.get(`/media/${unused}-480.webp`)).status()).toBe(200);
  await unusedItem.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Image deleted." })).toBeVisible();
  await expect(items).toHaveCount(1);
  for (const width of [480, 600]) expect((await page.request.get(`/media/${unused}-${width}.webp`)).status()).toBe(404);
});

test("the upload form refuses a text file named .png with a clear message", async ({ page }) => {
  const author = await createTestUser({ role: "author" });
  await signInThroughForm(page, author, { callbackUrl: "/dashboard/media" });
  const form = page.getByRole("form", { name: "Upload an image" });
  await form.getByLabel("Image file").setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from("text, not pixels") });
  await form.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("status").filter({ hasText: "not a JPEG, PNG, WebP or AVIF image" })).toBeVisible();
  await expect(page.locator(".media-item")).toHaveCount(0);
});
