import { expect, test, type Page } from "@playwright/test";
import { comments } from "../db/schema";
import { eq } from "drizzle-orm";
import { createTestUser, ipHeaders, newClient, signInThroughForm } from "./support/accounts";
import { commentById, createCommentableArticle, makeTrusted, postComment } from "./support/comments";
import { getDb } from "./support/database";
import { plainFormTarget, postPlainForm } from "./support/form-replay";
import { editorPreview, editorReady, NEW_ARTICLE_PATH } from "./support/publishing";
import { uniqueSuffix } from "./support/test-data";

// Security headers on every kind of response, and a Content-Security-Policy without
// 'unsafe-inline' under which every page still runs its scripts: nonce on rendered pages, hashes
// on pages served from the page cache.

test.use({ extraHTTPHeaders: async ({}, use) => use(ipHeaders()) });

const fixedHeaders = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
};

function expectSecurityHeaders(headers: Record<string, string>, what: string): string {
  for (const [name, value] of Object.entries(fixedHeaders)) expect(headers[name], `${name} on ${what}`).toBe(value);
  expect(headers["permissions-policy"], `permissions-policy on ${what}`).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("microphone=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  expect(headers["permissions-policy"]).toContain("interest-cohort=()");
  // The e2e site is served over http: no HSTS.
  expect(headers["strict-transport-security"], `HSTS on ${what}`).toBeUndefined();
  const policy = headers["content-security-policy"] ?? "";
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "default-src 'self'"]) {
    expect(policy, `${directive} on ${what}`).toContain(directive);
  }
  expect(policy, `CSP on ${what}`).not.toContain("unsafe-inline");
  expect(policy).not.toContain("unsafe-eval");
  return policy;
}

function scriptSources(policy: string): string[] {
  return (policy.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "").trim().split(/\s+/).slice(1);
}

// Records CSP violations and CSP console errors from the first script on.
async function watchForViolations(page: Page): Promise<() => Promise<string[]>> {
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /content security policy/i.test(message.text())) consoleErrors.push(message.text());
  });
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
    document.addEventListener("securitypolicyviolation", (event) => {
      violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  return async () => [...consoleErrors, ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations))];
}

// A client-side navigation keeps window state; it only happens once React has hydrated the page.
async function expectHydratedNavigation(page: Page, linkName: string | RegExp, expectedPath: string): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  await page.getByRole("banner").getByRole("link", { name: linkName }).first().click();
  await page.waitForURL((url) => url.pathname === expectedPath);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
}

test("every kind of response carries the security headers", async ({ request }) => {
  const article = await createCommentableArticle();
  const paths = [
    "/", // page
    `/articles/${article.slug}`, // page, then from the cache
    `/articles/${article.slug}`,
    "/feed.xml", // route handler
    "/robots.txt",
    "/favicon.ico",
    "/no-such-page-here", // 404
    "/search?q=test", // never cached
    "/login",
  ];
  for (const path of paths) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(500);
    expectSecurityHeaders(response.headers(), path);
  }
  const html = await (await request.get("/")).text();
  const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
  expect(asset).toBeDefined();
  const staticFile = await request.get(asset ?? "");
  expect(staticFile.status()).toBe(200);
  expectSecurityHeaders(staticFile.headers(), "a static file");
  // A redirect (a signed-out visitor at a protected page) and a refused request.
  const redirect = await request.get("/account", { maxRedirects: 0 });
  expect([303, 307, 308]).toContain(redirect.status());
  expectSecurityHeaders(redirect.headers(), "a redirect");
});

test("an anonymous cached page runs its scripts under a hash policy; the first render under a fresh nonce", async ({ browser }) => {
  const article = await createCommentableArticle();
  const { context, page } = await newClient(browser);
  const violations = await watchForViolations(page);

  const first = await page.goto(`/articles/${article.slug}`);
  expect(first?.headers()["x-page-cache"]).toBe("MISS");
  const missPolicy = expectSecurityHeaders(first?.headers() ?? {}, "a miss");
  const nonces = scriptSources(missPolicy).filter((source) => source.startsWith("'nonce-"));
  expect(nonces).toHaveLength(1);
  await expectHydratedNavigation(page, /.+/, "/");

  // A HIT unless another worker's write invalidated the page in between, hence the retries.
  let second = await page.goto(`/articles/${article.slug}`);
  for (let attempt = 0; attempt < 4 && second?.headers()["x-page-cache"] !== "HIT"; attempt += 1) {
    second = await page.goto(`/articles/${article.slug}`);
  }
  expect(second?.headers()["x-page-cache"]).toBe("HIT");
  const hitPolicy = expectSecurityHeaders(second?.headers() ?? {}, "a hit");
  const sources = scriptSources(hitPolicy);
  expect(sources.some((source) => source.startsWith("'nonce-"))).toBe(false);
  expect(sources.filter((source) => source.startsWith("'sha256-")).length).toBeGreaterThan(0);
  // The stored copy carries no nonce of the render that produced it.
  const storedHtml = await (await second?.text()) ?? "";
  expect(storedHtml).not.toContain("nonce=");
  await expectHydratedNavigation(page, /.+/, "/");

  // Each rendered response gets its own nonce.
  const another = await context.request.get(`/search?q=${uniqueSuffix()}`);
  const anotherNonce = scriptSources(another.headers()["content-security-policy"] ?? "").find((source) => source.startsWith("'nonce-"));
  expect(anotherNonce).toBeDefined();
  expect(anotherNonce).not.toBe(nonces[0]);

  expect(await violations()).toEqual([]);
  await context.close();
});

test("signed in: an article page, the comment form and the editor run without a CSP violation", async ({ browser }) => {
  test.slow();
  const article = await createCommentableArticle();
  const reader = await createTestUser();
  await makeTrusted(reader, article.id);
  const { context, page } = await newClient(browser);
  const violations = await watchForViolations(page);
  await signInThroughForm(page, reader, { callbackUrl: `/articles/${article.slug}` });
  const response = await page.reload();
  expect(response?.headers()["x-page-cache"]).toBe("BYPASS");
  expect(scriptSources(expectSecurityHeaders(response?.headers() ?? {}, "a signed-in page")).some((s) => s.startsWith("'nonce-"))).toBe(true);

  const text = `Under a strict policy ${uniqueSuffix()}`;
  // postComment waits for the server action's redirect header: the client posted it, so React ran.
  const commentId = await postComment(page, text);
  expect(commentId).not.toBeNull();
  await expect(commentById(page, commentId ?? 0)).toContainText(text);
  expect(await violations()).toEqual([]);
  await context.close();

  const author = await createTestUser({ role: "author" });
  const studio = await newClient(browser);
  const studioViolations = await watchForViolations(studio.page);
  await signInThroughForm(studio.page, author, { callbackUrl: NEW_ARTICLE_PATH });
  await editorReady(studio.page, true);
  await studio.page.getByLabel("Body (Markdown)", { exact: true }).fill("**Bold** preview");
  await expect(editorPreview(studio.page).locator("strong", { hasText: "Bold" })).toBeVisible();
  expect(await studioViolations()).toEqual([]);
  await studio.context.close();
});

test("a comment posted from another origin is refused and changes nothing", async ({ browser }) => {
  const article = await createCommentableArticle();
  const reader = await createTestUser();
  await makeTrusted(reader, article.id);
  const { context, page } = await newClient(browser);
  await signInThroughForm(page, reader, { callbackUrl: `/articles/${article.slug}` });
  const html = await (await context.request.get(`/articles/${article.slug}`)).text();
  const form = plainFormTarget(html, "body");
  const body = `Forged from elsewhere ${uniqueSuffix()}`;
  const forged = await postPlainForm(context.request, form.action, { ...form.fields, parentId: "", body }, { origin: "http://evil.example" });
  expect(forged.status()).toBe(403);
  const stored = getDb().select({ id: comments.id }).from(comments).where(eq(comments.body, body)).all();
  expect(stored).toEqual([]);
  await context.close();
});
