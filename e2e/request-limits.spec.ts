import http from "node:http";
import { expect, test } from "@playwright/test";
import { recordAttempt } from "../lib/rate-limits";
import { createTestUser, ipHeaders, newClient, signInThroughForm, uniqueIp } from "./support/accounts";
import { createCommentableArticle, makeTrusted, postComment, replySection } from "./support/comments";
import { E2E_BASE_URL, E2E_DATABASE_PATH } from "./support/e2e-environment";
import { freePort } from "./support/free-port";
import { spawnServer, type SpawnedServer } from "./support/spawn-server";
import { uniqueSuffix } from "./support/test-data";

// The per-address limits on comments and searches, at their defaults, on a second server of
// the shared database (the main e2e server raises them, since specs post from one address), and
// the request body cap.

test.describe.configure({ mode: "serial" });

let server: SpawnedServer | undefined;

test.beforeAll(async () => {
  // A second production server starting on a busy machine.
  test.setTimeout(90_000);
  server = await spawnServer({
    port: await freePort(),
    env: { DATABASE_PATH: E2E_DATABASE_PATH, DEMO_CONTENT: "false", TRUST_PROXY: "true", COMMENT_RATE_LIMIT: "10", SEARCH_RATE_LIMIT: "60" },
  });
});

function serverUrl(): string {
  if (!server) throw new Error("The second server did not start");
  return server.baseUrl;
}

test.afterAll(async () => {
  await server?.stop();
});

test("the eleventh comment in a minute from one address is refused, and the typed text is kept", async ({ browser }) => {
  const article = await createCommentableArticle();
  const reader = await createTestUser();
  await makeTrusted(reader, article.id);
  const { context, page, ip } = await newClient(browser, { baseURL: serverUrl() });
  await signInThroughForm(page, reader, { callbackUrl: `/articles/${article.slug}` });
  expect(await postComment(page, `Within the limit ${uniqueSuffix()}`)).not.toBeNull();
  // Nine more comments from this address (counted as the server counts them).
  for (let index = 0; index < 9; index += 1) expect(await recordAttempt("commentIp", ip)).toBe(0);

  const typed = `One too many ${uniqueSuffix()}`;
  expect(await postComment(page, typed)).toBeNull();
  await expect(replySection(page).locator(".form-message")).toHaveText(/^You are posting too fast\. Try again in \d+ (second|minute)s?\.$/);
  await expect(replySection(page).getByLabel("Comment", { exact: true })).toHaveValue(typed);
  await context.close();

  // Another address posts at once.
  const other = await newClient(browser, { baseURL: serverUrl() });
  const otherReader = await createTestUser();
  await makeTrusted(otherReader, article.id);
  await signInThroughForm(other.page, otherReader, { callbackUrl: `/articles/${article.slug}` });
  expect(await postComment(other.page, `From elsewhere ${uniqueSuffix()}`)).not.toBeNull();
  await other.context.close();
});

test("the sixty-first search in a minute from one address is answered 429 with a message", async ({ request, browser }) => {
  const ip = uniqueIp();
  for (let index = 0; index < 60; index += 1) {
    const response = await request.get(`${serverUrl()}/search?q=word${index}`, { headers: ipHeaders(ip) });
    expect(response.status(), `search ${index + 1}`).toBe(200);
  }
  const refused = await request.get(`${serverUrl()}/search?q=again`, { headers: ipHeaders(ip) });
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused.text()).toMatch(/You are searching too fast\. Try again in (<!-- -->)?\d+ (second|minute)s?/);
  // The search form itself (no query) and other addresses are not limited.
  expect((await request.get(`${serverUrl()}/search`, { headers: ipHeaders(ip) })).status()).toBe(200);
  expect((await request.get(`${serverUrl()}/search?q=again`, { headers: ipHeaders() })).status()).toBe(200);

  const { context, page } = await newClient(browser, { ip, baseURL: serverUrl() });
  const shown = await page.goto("/search?q=once+more");
  expect(shown?.status()).toBe(429);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^You are searching too fast\. Try again in \d+ (second|minute)s?\.$/);
  await expect(page.getByRole("searchbox")).toHaveValue("once more");
  await context.close();
});

// Sends only the headers of a request and resolves with the server's answer, which comes before
// any body is sent.
function answerToHeaders(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${E2E_BASE_URL}${path}`, { method: "POST", headers });
    request.on("response", (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
    request.flushHeaders();
  });
}

test("a request body over 2 MB is refused with 413 before it is read; one of unknown length with 411", async ({ request }) => {
  const tooLarge = await answerToHeaders("/login", { "content-type": "application/x-www-form-urlencoded", "content-length": String(3 * 1024 * 1024) });
  expect(tooLarge.status).toBe(413);
  expect(tooLarge.body).toBe("Request body too large: the limit is 2 MB.\n");
  const chunked = await answerToHeaders("/login", { "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" });
  expect(chunked.status).toBe(411);
  // Just under the limit goes through to the page (which ignores a body it does not expect).
  const fits = await request.post("/search", { form: { q: "x".repeat(1024 * 1024) }, maxRedirects: 0 });
  expect(fits.status()).toBeLessThan(500);
  expect(fits.status()).not.toBe(413);
});
