// "./support/database" (through ./support/accounts) points the data layer at the e2e database
// before the publication writer below opens it.
import { expect, test, type APIRequestContext, type Browser, type Locator, type Page } from "@playwright/test";
import { createTestUser, ipHeaders, newClient, signInThroughForm, type TestUser } from "./support/accounts";
import { createArticle } from "./support/database";
import { postServerActionForm, serverActionFormFields } from "./support/form-replay";
import { primeCache } from "./support/http";
import { createTag, uniqueSuffix } from "./support/test-data";
import { createPublication } from "../db/queries/publication-admin";
import { getTagBySlug } from "../db/queries/tags";

// /admin/tags and /admin/publications. Other specs read the seed tags and the demo publication,
// so every test here makes its own tags, publications and articles (dated in 2000, so they never
// push a seed article off the first page of a listing), with random names: two workers share the
// database.

const TAGS_PATH = "/admin/tags";
const PUBLICATIONS_PATH = "/admin/publications";

test.use({ extraHTTPHeaders: async ({}, use) => use(ipHeaders()) });

let admin: TestUser;
let author: TestUser;

test.beforeAll(async () => {
  admin = await createTestUser({ role: "admin" });
  author = await createTestUser({ role: "author" });
});

function dateIn2000(): Date {
  return new Date(Date.UTC(2000, 0, 1) + Math.floor(Math.random() * 300 * 86_400_000));
}

async function publishedArticle({ tagIds = [], publicationId = null }: { tagIds?: number[]; publicationId?: number | null }) {
  const suffix = uniqueSuffix();
  const slug = `e2e-taxonomy-${suffix}`;
  await createArticle({
    slug,
    title: `Taxonomy test ${suffix}`,
    body: "An article for the tag and publication admin tests.",
    status: "published",
    publishedAt: dateIn2000(),
    authorId: author.id,
    publicationId,
    tagIds,
  });
  return slug;
}

function ownTag(label: string) {
  const suffix = uniqueSuffix();
  const slug = `e2e-${label.toLowerCase()}-${suffix}`;
  const name = `E2E ${label} ${suffix}`;
  return { id: createTag(slug, name), slug, name, suffix };
}

async function signInAsAdmin(page: Page, path: string): Promise<void> {
  await signInThroughForm(page, admin, { callbackUrl: path });
}

function main(page: Page): Locator {
  return page.getByRole("main");
}

function tagRow(page: Page, name: string): Locator {
  return main(page)
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}

async function expectDone(page: Page, path: string, done: string, message: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === path && url.searchParams.get("done") === done);
  await expect(main(page).locator(".admin-done")).toHaveText(message);
}

// The article page as an anonymous reader gets it (from the page cache when it holds it).
async function anonymousHtml(request: APIRequestContext, path: string): Promise<string> {
  const response = await request.get(path);
  expect(response.status(), `GET ${path}`).toBe(200);
  return response.text();
}

async function expectPermanentRedirect(request: APIRequestContext, from: string, to: string): Promise<void> {
  const response = await request.get(from, { maxRedirects: 0 });
  expect(response.status(), `GET ${from}`).toBe(301);
  expect(response.headers().location).toBe(to);
}

test("an admin renames a tag: the old address answers 301 and the article shows the new name", async ({ page, request }) => {
  const tag = ownTag("Rename");
  const articleSlug = await publishedArticle({ tagIds: [tag.id] });
  // Both pages are in the anonymous page cache before the rename.
  expect(await (await primeCache(request, `/articles/${articleSlug}`)).text()).toContain(tag.name);
  await primeCache(request, `/tags/${tag.slug}`);

  await signInAsAdmin(page, `${TAGS_PATH}?q=${tag.suffix}`);
  const row = tagRow(page, tag.name);
  await row.getByText("Manage").click();
  const name = row.getByLabel("Name", { exact: true });
  const slug = row.getByLabel("Slug", { exact: true });

  // A slug another tag has is refused, and what was typed stays.
  const newName = `E2E Renamed ${tag.suffix}`;
  await name.fill(newName);
  await slug.fill("demo");
  await row.getByRole("button", { name: "Rename" }).click();
  await expect(row.locator(".form-error")).toHaveText("Another tag already has this slug. Choose another, or merge the two tags.");
  await expect(name).toHaveValue(newName);
  await expect(slug).toHaveValue("demo");
  await expect(slug).toHaveAttribute("aria-invalid", "true");

  // So is a slug with capitals.
  await slug.fill("Bad Slug");
  await row.getByRole("button", { name: "Rename" }).click();
  await expect(row.locator(".form-error")).toContainText("Use only lower-case letters");
  await expect(slug).toHaveValue("Bad Slug");

  const newSlug = `e2e-renamed-${tag.suffix}`;
  await slug.fill(newSlug);
  await row.getByRole("button", { name: "Rename" }).click();
  await expectDone(page, TAGS_PATH, "renamed", "Tag renamed. Its old address now redirects to the new one.");
  await expect(tagRow(page, newName).getByRole("link", { name: newSlug })).toHaveAttribute("href", `/tags/${newSlug}`);

  await expectPermanentRedirect(request, `/tags/${tag.slug}`, `/tags/${newSlug}`);
  expect(await anonymousHtml(request, `/tags/${newSlug}`)).toContain(newName);
  const article = await anonymousHtml(request, `/articles/${articleSlug}`);
  expect(article).toContain(`<a href="/tags/${newSlug}">${newName}</a>`);
  expect(article).not.toContain(tag.name);
});

test("an admin merges two tags: the source's articles and address lead to the target", async ({ page, request }) => {
  const source = ownTag("Source");
  const target = ownTag("Target");
  const both = await publishedArticle({ tagIds: [source.id, target.id] });
  const onlySource = await publishedArticle({ tagIds: [source.id] });
  await primeCache(request, `/articles/${both}`);
  await primeCache(request, `/tags/${target.slug}`);

  await signInAsAdmin(page, `${TAGS_PATH}?q=${source.suffix}`);
  await tagRow(page, source.name).getByText("Manage").click();
  await tagRow(page, source.name).getByRole("link", { name: /^Merge into another tag/ }).click();
  const panel = main(page).getByRole("region", { name: `Merge “${source.name}” into another tag` });
  await expect(panel).toContainText("2 articles, 2 published");

  // Nothing chosen: refused with a message at the select.
  await panel.getByRole("button", { name: `Merge ${source.name}` }).click();
  await expect(panel.locator(".form-error")).toHaveText("Choose the tag to merge into.");

  await panel.getByLabel("Merge into").selectOption({ label: `${target.name} (${target.slug})` });
  await panel.getByRole("button", { name: `Merge ${source.name}` }).click();
  await expectDone(page, TAGS_PATH, "merged", "Tags merged. The merged tag’s articles and addresses now lead to the tag it was merged into.");
  await expect(main(page).getByText(`No tags match “${source.suffix}”.`)).toBeVisible();
  expect(await getTagBySlug({ slug: source.slug })).toBeNull();

  await expectPermanentRedirect(request, `/tags/${source.slug}`, `/tags/${target.slug}`);
  const bothHtml = await anonymousHtml(request, `/articles/${both}`);
  expect(bothHtml.split(`<a href="/tags/${target.slug}">`).length - 1).toBe(1);
  expect(bothHtml).not.toContain(source.name);
  expect(await anonymousHtml(request, `/articles/${onlySource}`)).toContain(`<a href="/tags/${target.slug}">${target.name}</a>`);
  const targetPage = await anonymousHtml(request, `/tags/${target.slug}`);
  expect(targetPage).toContain(`/articles/${onlySource}`);
  expect(targetPage).toContain(`/articles/${both}`);
});

// Deleting asks first: a link to a confirmation, then a post. Done here with JavaScript off.
test("an admin deletes a tag without JavaScript; its article keeps its other tags", async ({ browser, request }) => {
  const doomed = ownTag("Doomed");
  const kept = ownTag("Kept");
  const articleSlug = await publishedArticle({ tagIds: [doomed.id, kept.id] });
  await primeCache(request, `/articles/${articleSlug}`);

  const { context, page } = await newClient(browser, { javaScriptEnabled: false });
  try {
    await signInAsAdmin(page, `${TAGS_PATH}?q=${doomed.suffix}`);
    await tagRow(page, doomed.name).getByText("Manage").click();
    await tagRow(page, doomed.name).getByRole("link", { name: `Delete… tag ${doomed.name}` }).click();
    const panel = main(page).getByRole("region", { name: `Delete “${doomed.name}”?` });
    await expect(panel).toContainText("Its articles stay, with their other tags.");

    // Cancel leaves it alone.
    await panel.getByRole("link", { name: "Cancel" }).click();
    await expect(main(page).getByRole("region", { name: `Delete “${doomed.name}”?` })).toHaveCount(0);
    expect(await getTagBySlug({ slug: doomed.slug })).not.toBeNull();

    await tagRow(page, doomed.name).getByText("Manage").click();
    await tagRow(page, doomed.name).getByRole("link", { name: `Delete… tag ${doomed.name}` }).click();
    await main(page).getByRole("button", { name: `Delete ${doomed.name}` }).click();
    await expectDone(page, TAGS_PATH, "deleted", "Tag deleted. Its articles keep their other tags.");
  } finally {
    await context.close();
  }

  expect((await request.get(`/tags/${doomed.slug}`, { maxRedirects: 0 })).status()).toBe(404);
  const article = await anonymousHtml(request, `/articles/${articleSlug}`);
  expect(article).not.toContain(doomed.name);
  expect(article).toContain(`<a href="/tags/${kept.slug}">${kept.name}</a>`);
});

function publicationPanel(page: Page, heading: string): Locator {
  return main(page).getByRole("region", { name: heading });
}

function aboutBox(html: string): string {
  const start = html.indexOf('id="about-publication-heading"');
  return start === -1 ? "" : html.slice(start, html.indexOf("</section>", start));
}

test("an admin edits a publication: the article's About box shows the new name, the old address redirects", async ({ page, request }) => {
  const suffix = uniqueSuffix();
  const oldName = `E2E Gazette ${suffix}`;
  const oldSlug = `e2e-gazette-${suffix}`;
  const created = await createPublication({
    name: oldName,
    slug: oldSlug,
    country: "Japan",
    language: "ja",
    website: "https://gazette.example",
    description: "Before the edit.",
  });
  if (!created.ok) throw new Error("could not create the publication");
  const articleSlug = await publishedArticle({ publicationId: created.id });
  expect(aboutBox(await (await primeCache(request, `/articles/${articleSlug}`)).text())).toContain(oldName);

  await signInAsAdmin(page, `${PUBLICATIONS_PATH}?q=${suffix}`);
  await main(page).getByRole("link", { name: `Edit ${oldName}` }).click();
  const panel = publicationPanel(page, `Edit “${oldName}”`);
  await expect(panel.getByLabel("Country (optional)")).toHaveValue("Japan");

  // A website that is not http(s) and a malformed language are refused; what was typed stays.
  const newName = `E2E Herald ${suffix}`;
  await panel.getByLabel("Name", { exact: true }).fill(newName);
  await panel.getByLabel("Website (optional)").fill("javascript:alert(1)");
  await panel.getByLabel("Language (optional)").fill("english!");
  await panel.getByRole("button", { name: "Save publication" }).click();
  await expect(panel.getByText("Enter a web address starting with http:// or https://", { exact: false })).toBeVisible();
  await expect(panel.getByText("Enter a BCP 47 language tag", { exact: false })).toBeVisible();
  await expect(panel.getByLabel("Name", { exact: true })).toHaveValue(newName);
  await expect(panel.getByLabel("Website (optional)")).toHaveValue("javascript:alert(1)");

  const newSlug = `e2e-herald-${suffix}`;
  await panel.getByLabel("Slug", { exact: true }).fill(newSlug);
  await panel.getByLabel("Website (optional)").fill("https://herald.example");
  await panel.getByLabel("Language (optional)").fill("en-gb");
  await panel.getByLabel("Description (optional)").fill("After the edit.");
  await panel.getByRole("button", { name: "Save publication" }).click();
  await expectDone(page, PUBLICATIONS_PATH, "saved", "Publication saved. Its page and its articles show the change.");
  await expect(main(page).getByRole("rowheader", { name: newName, exact: true })).toBeVisible();

  const about = aboutBox(await anonymousHtml(request, `/articles/${articleSlug}`));
  expect(about).toContain(`<a href="/publications/${newSlug}">${newName}</a>`);
  expect(about).toContain("After the edit.");
  expect(about).toContain("British English");
  await expectPermanentRedirect(request, `/publications/${oldSlug}`, `/publications/${newSlug}`);
  expect(await anonymousHtml(request, `/publications/${newSlug}`)).toContain(newName);
});

test("an admin adds a publication, then deletes another: its article stays without the About box", async ({ page, request }) => {
  const suffix = uniqueSuffix();
  const doomedName = `E2E Closing Times ${suffix}`;
  const doomed = await createPublication({
    name: doomedName,
    slug: `e2e-closing-${suffix}`,
    country: null,
    language: null,
    website: null,
    description: "",
  });
  if (!doomed.ok) throw new Error("could not create the publication");
  const articleSlug = await publishedArticle({ publicationId: doomed.id });
  expect(aboutBox(await (await primeCache(request, `/articles/${articleSlug}`)).text())).toContain(doomedName);

  await signInAsAdmin(page, PUBLICATIONS_PATH);
  await main(page).getByRole("link", { name: "Add a publication" }).click();
  const form = publicationPanel(page, "Add a publication");
  const addedName = `E2E Morning Post ${suffix}`;
  await form.getByLabel("Name", { exact: true }).fill(addedName);
  // The slug is left empty: it is made from the name.
  await form.getByLabel("Language (optional)").fill("fr");
  await form.getByRole("button", { name: "Add publication" }).click();
  await expectDone(page, PUBLICATIONS_PATH, "created", "Publication added.");
  const addedSlug = `e2e-morning-post-${suffix}`;
  await expect(main(page).getByRole("link", { name: addedSlug })).toHaveAttribute("href", `/publications/${addedSlug}`);
  expect(await anonymousHtml(request, `/publications/${addedSlug}`)).toContain(addedName);

  await page.goto(`${PUBLICATIONS_PATH}?q=${encodeURIComponent(`e2e-closing-${suffix}`)}`);
  await main(page).getByRole("link", { name: `Delete… ${doomedName}` }).click();
  const panel = publicationPanel(page, `Delete “${doomedName}”?`);
  await expect(panel).toContainText("1 article, 1 published");
  await panel.getByRole("button", { name: `Delete ${doomedName}` }).click();
  await expectDone(page, PUBLICATIONS_PATH, "deleted", "Publication deleted. Its articles stay, without it.");

  const article = await anonymousHtml(request, `/articles/${articleSlug}`);
  expect(article).not.toContain("About this publication");
  expect(article).not.toContain(doomedName);
});

async function signedInClient(browser: Browser, user: TestUser) {
  const client = await newClient(browser, { javaScriptEnabled: false });
  await signInThroughForm(client.page, user, { callbackUrl: "/account" });
  return client;
}

test("non-admins get 403 at both pages, and a replayed rename is refused", async ({ browser, page, request }) => {
  const tag = ownTag("Guarded");
  await signInAsAdmin(page, `${TAGS_PATH}?q=${tag.suffix}`);
  // The server-rendered page, with the hidden fields a JavaScript-off post of the rename carries.
  const adminHtml = await (await page.request.get(`${TAGS_PATH}?q=${tag.suffix}`)).text();

  for (const role of ["reader", "author", "moderator"] as const) {
    const user = await createTestUser({ role });
    const { context, page: userPage } = await signedInClient(browser, user);
    try {
      for (const path of [TAGS_PATH, PUBLICATIONS_PATH]) {
        const response = await userPage.goto(path);
        expect(response?.status(), `${role} at ${path}`).toBe(403);
        expect(new URL(userPage.url()).pathname).toBe("/forbidden");
      }
      const replayed = await postServerActionForm(context.request, TAGS_PATH, serverActionFormFields(adminHtml, "slug"), {
        tagId: String(tag.id),
        name: `Hijacked by ${role}`,
        slug: `hijacked-${tag.suffix}`,
      });
      expect(replayed.status()).toBeLessThan(500);
      expect(await getTagBySlug({ slug: tag.slug })).toMatchObject({ id: tag.id, name: tag.name });
    } finally {
      await context.close();
    }
  }

  // The same replay as the admin works, so the refusals above were the role's doing.
  const replayed = await postServerActionForm(page.request, TAGS_PATH, serverActionFormFields(adminHtml, "slug"), {
    tagId: String(tag.id),
    name: `Renamed by replay ${tag.suffix}`,
    slug: `replayed-${tag.suffix}`,
  });
  expect(replayed.status()).toBe(303);
  expect(await getTagBySlug({ slug: `replayed-${tag.suffix}` })).toMatchObject({ id: tag.id });

  // Anonymous visitors are sent to sign in, and come back.
  for (const path of [TAGS_PATH, PUBLICATIONS_PATH]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toBe(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
});

test("without JavaScript, a refused rename keeps what was typed and a publication edit saves", async ({ browser, request }) => {
  const tag = ownTag("NoScript");
  const suffix = uniqueSuffix();
  const created = await createPublication({
    name: `E2E NoScript Times ${suffix}`,
    slug: `e2e-noscript-${suffix}`,
    country: null,
    language: null,
    website: null,
    description: "",
  });
  if (!created.ok) throw new Error("could not create the publication");

  const { context, page } = await newClient(browser, { javaScriptEnabled: false });
  try {
    await signInAsAdmin(page, `${TAGS_PATH}?q=${tag.suffix}`);
    const row = tagRow(page, tag.name);
    await row.getByText("Manage").click();
    await row.getByLabel("Name", { exact: true }).fill(`E2E Typed ${tag.suffix}`);
    await row.getByLabel("Slug", { exact: true }).fill("not--valid");
    await row.getByRole("button", { name: "Rename" }).click();
    // The page comes back with the row's form open, its message and what was typed.
    const again = tagRow(page, tag.name);
    await expect(again.locator(".form-error")).toContainText("Use only lower-case letters");
    await expect(again.getByLabel("Name", { exact: true })).toHaveValue(`E2E Typed ${tag.suffix}`);
    await expect(again.getByLabel("Slug", { exact: true })).toHaveValue("not--valid");
    // An empty slug is made from the name.
    await again.getByLabel("Slug", { exact: true }).fill("");
    await again.getByRole("button", { name: "Rename" }).click();
    await expectDone(page, TAGS_PATH, "renamed", "Tag renamed. Its old address now redirects to the new one.");
    await expectPermanentRedirect(request, `/tags/${tag.slug}`, `/tags/e2e-typed-${tag.suffix}`);

    await page.goto(`${PUBLICATIONS_PATH}?q=e2e-noscript-${suffix}`);
    await main(page).getByRole("link", { name: `Edit E2E NoScript Times ${suffix}` }).click();
    const panel = publicationPanel(page, `Edit “E2E NoScript Times ${suffix}”`);
    await panel.getByLabel("Country (optional)").fill("France");
    await panel.getByRole("button", { name: "Save publication" }).click();
    await expectDone(page, PUBLICATIONS_PATH, "saved", "Publication saved. Its page and its articles show the change.");
    await expect(main(page).getByRole("row").filter({ hasText: `E2E NoScript Times ${suffix}` })).toContainText("France");
  } finally {
    await context.close();
  }
});

test("both pages link to each other", async ({ page }) => {
  await signInAsAdmin(page, TAGS_PATH);
  const nav = page.getByRole("navigation", { name: "Admin pages" });
  await nav.getByRole("link", { name: "Publications" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Publications");
  await page.getByRole("navigation", { name: "Admin pages" }).getByRole("link", { name: "Tags" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tags");
});
