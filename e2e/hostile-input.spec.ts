import http from "node:http";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { comments, users } from "../db/schema";
import { createTestUser, ipHeaders, newClient, signInThroughForm } from "./support/accounts";
import { createCommentableArticle, makeTrusted, postComment } from "./support/comments";
import { createArticle, getDb, insertComment, updateUserProfile } from "./support/database";
import { E2E_BASE_URL } from "./support/e2e-environment";
import { plainFormTarget, postPlainForm, serverActionFormFields } from "./support/form-replay";
import { createTag, uniqueSuffix } from "./support/test-data";

// Hostile input against the production build: every answer is a clean 4xx or a harmless
// rendering, never a 500, a script that runs, a redirect off the site or changed data.

test.use({ extraHTTPHeaders: async ({}, use) => use(ipHeaders()) });

// Each payload sets window.__pwned if it ever runs.
const scriptPayloads = [
  `<script>window.__pwned="script"</script>`,
  `<img src=x onerror="window.__pwned='img'">`,
  `"><svg onload="window.__pwned='svg'">`,
  `'><iframe srcdoc="<script>parent.__pwned='iframe'</script>">`,
  `javascript:window.__pwned='link'`,
];
const allPayloads = scriptPayloads.join(" ");

async function expectNothingRan(page: Page, where: string): Promise<void> {
  // Give an onerror/onload a moment to fire.
  await page.waitForLoadState("load");
  await page.waitForTimeout(100);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), `a payload ran on ${where}`).toBeUndefined();
  expect(await page.locator("[onerror], [onload]").count()).toBe(0);
  expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
}

async function expectClean(request: APIRequestContext, path: string, allowed: number[] = [200, 301, 303, 307, 308, 400, 404, 405]): Promise<void> {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(allowed, `GET ${path} answered ${response.status()}`).toContain(response.status());
  const body = await response.text();
  expect(body, `GET ${path} leaked a file`).not.toMatch(/root:x:0:0|"devDependencies"|AUTH_SECRET/);
}

// Sends bytes exactly as given (Playwright and fetch would normalise the path or the body).
function rawRequest(method: string, path: string, headers: Record<string, string> = {}, body?: Buffer): Promise<{ status: number; location?: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(E2E_BASE_URL);
    const request = http.request({ host: url.hostname, port: url.port, method, path, headers: { ...ipHeaders(), ...headers } }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, location: response.headers.location }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

test("script and event-handler injection in every user field is shown as text and never runs", async ({ browser }) => {
  test.slow();
  const suffix = uniqueSuffix();
  const author = await createTestUser({ role: "author", displayName: `Mallory ${allPayloads} ${suffix}` });
  await updateUserProfile({ userId: author.id, displayName: `Mallory ${allPayloads} ${suffix}`, bio: `Bio ${allPayloads} www.example.com javascript:alert(1)` });
  const tagSlug = `hostile-${suffix}`;
  const tagId = createTag(tagSlug, `Tag ${scriptPayloads[1]} ${suffix}`);
  const articleSlug = `hostile-article-${suffix}`;
  const articleId = await createArticle({
    slug: articleSlug,
    title: `Title ${scriptPayloads[0]} ${suffix}`,
    excerpt: `Excerpt ${scriptPayloads[2]}`,
    body: [
      `Body ${scriptPayloads[0]}`,
      `<img src=x onerror="window.__pwned='md-img'">`,
      `[click me](javascript:window.__pwned='md-link')`,
      `[data](data:text/html,<script>window.__pwned='data'</script>)`,
      `<a href="javascript:window.__pwned='raw-a'">raw</a>`,
    ].join("\n\n"),
    status: "published",
    publishedAt: new Date(Date.UTC(2000, 0, 2)),
    authorId: author.id,
    tagIds: [tagId],
  });
  const commenter = await createTestUser({ displayName: `Eve ${scriptPayloads[2]} ${suffix}` });
  await insertComment({ articleId, authorId: commenter.id, body: `Comment ${allPayloads} \u202Eevil\u202C zero\u200Bwidth`, status: "approved", createdAt: new Date() });

  const { context, page } = await newClient(browser);
  for (const path of [`/articles/${articleSlug}`, `/authors/${author.slug}`, `/tags/${tagSlug}`, `/search?q=${encodeURIComponent(`Title ${suffix}`)}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expectNothingRan(page, path);
  }
  await page.goto(`/articles/${articleSlug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(scriptPayloads[0] ?? "");
  await expect(page.getByRole("main")).toContainText(`Comment ${scriptPayloads[0]}`);

  // A comment typed into the form is stored as typed and shown as text.
  const reader = await createTestUser();
  await makeTrusted(reader, articleId);
  await signInThroughForm(page, reader, { callbackUrl: `/articles/${articleSlug}` });
  const typed = `Typed ${allPayloads} ${suffix}`;
  const commentId = await postComment(page, typed);
  expect(commentId).not.toBeNull();
  await expectNothingRan(page, "the article after posting");
  await expect(page.locator(`#comment-${commentId}`)).toContainText(scriptPayloads[1] ?? "");

  // The search box echoes the query as text.
  await page.goto(`/search?q=${encodeURIComponent(allPayloads)}`);
  await expectNothingRan(page, "search");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(scriptPayloads[0] ?? "");
  await context.close();
});

test("search treats SQL and FTS syntax, control characters and huge input as plain text", async ({ request }) => {
  const queries = [
    `'; DROP TABLE users; --`,
    `" OR 1=1 --`,
    `NEAR(a b) OR title:* ^x -y "unclosed`,
    `*`,
    `()`,
    `\u0000\u0001\u001b[31m`,
    `\u202Eevil\u202C \u200B\u200D\uFEFF`,
    "x".repeat(5000),
    `${"word ".repeat(500)}`,
    `%`,
  ];
  for (const query of queries) {
    const response = await request.get(`/search?q=${encodeURIComponent(query)}`);
    expect(response.status(), JSON.stringify(query.slice(0, 40))).toBe(200);
  }
  for (const raw of ["%C3%28", "%", "%zz", "%00", "%E0%A4%A", "%ED%A0%80", "a%FFb"]) {
    const response = await rawRequest("GET", `/search?q=${raw}`);
    expect([200, 400], `/search?q=${raw}`).toContain(response.status);
    const paged = await rawRequest("GET", `/?page=${raw}`);
    expect([200, 400, 404], `/?page=${raw}`).toContain(paged.status);
  }
  expect(getDb().select({ id: users.id }).from(users).limit(1).all()).toHaveLength(1);
  // A URL too long for the server is refused by Node itself, cleanly.
  const huge = await rawRequest("GET", `/search?q=${"x".repeat(20_000)}`);
  expect([414, 431]).toContain(huge.status);
});

test("malformed paths, invalid percent-encoding and traversal attempts get a clean 4xx", async ({ request }) => {
  const paths = [
    "/articles/%C3%28",
    "/articles/%",
    "/articles/%zz",
    "/articles/a%00b",
    "/articles/%E0%A4%A",
    "/tags/%C3%28",
    "/tags/%C3%28/feed.xml",
    "/authors/%C3%28",
    "/publications/%C3%28",
    "/articles/%C3%28/comments.xml",
    "/articles/%C3%28/social-image.png",
    "/comments/%C3%28/edit",
    "/dashboard/articles/%C3%28/edit",
    "/%C3%28",
    "/%",
    "/..%2f..%2fetc/passwd",
    "/..%2F..%2F..%2Fetc%2Fpasswd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/_next/static/..%2f..%2fpackage.json",
    "/_next/static/%2e%2e/%2e%2e/package.json",
    "/_next/static/..%2f..%2f..%2f.env",
    "/_next/image?url=%2F..%2F..%2Fetc%2Fpasswd&w=64&q=75",
    "/_next/image?url=https%3A%2F%2Fevil.example%2Fx.png&w=64&q=75",
    "/articles/..%2f..%2fetc%2fpasswd",
    "/search/%C3%28",
  ];
  for (const path of paths) {
    const response = await rawRequest("GET", path);
    expect(response.status, `GET ${path}`).toBeGreaterThanOrEqual(400);
    expect(response.status, `GET ${path}`).toBeLessThan(500);
    await expectClean(request, path, [400, 404]);
  }
  for (const path of ["//", "//evil.example/x", "///search?q=a", "/search//?q=x", "/articles/x?page=%C3%28", "/tags/x?page=-1", "/?page=99999999999999999999", "/?page=1e3", "/?page[]=2"]) {
    const response = await rawRequest("GET", path);
    expect(response.status, `GET ${path}`).toBeLessThan(500);
  }
});

test("tampered session cookies are ignored: the visitor is treated as signed out", async ({ request }) => {
  for (const value of ["garbage", "eyJhbGciOiJIUzI1NiJ9.e30.x", "a".repeat(3000), "%C3%28", "\u0000"]) {
    const cookie = `authjs.session-token=${encodeURIComponent(value)}`;
    const home = await rawRequest("GET", "/", { cookie });
    expect(home.status, value).toBe(200);
    const account = await rawRequest("GET", "/account", { cookie });
    expect([303, 307], value).toContain(account.status);
    expect(account.location ?? "").toMatch(/^\/login\?callbackUrl=%2Faccount$|^http:\/\/127\.0\.0\.1:\d+\/login\?callbackUrl=%2Faccount$/);
  }
  // A chunked token (name.0, name.1) that does not add up.
  expect((await rawRequest("GET", "/account", { cookie: "authjs.session-token.0=abc; authjs.session-token.1=def" })).status).not.toBe(500);
  expect((await request.get("/dashboard", { headers: { cookie: "authjs.session-token=forged" }, maxRedirects: 0 })).status()).toBeLessThan(500);
});

test("the sign-in return path never leaves the site", async ({ browser }) => {
  test.slow();
  const user = await createTestUser();
  const attempts = [
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(document.domain)",
    "/%2F%2Fevil.example",
    " https://evil.example",
    "http:/evil.example",
    "/%5Cevil.example",
  ];
  for (const callbackUrl of attempts) {
    const { context, page } = await newClient(browser);
    await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    const main = page.getByRole("main");
    await main.getByLabel("Email", { exact: true }).fill(user.email);
    await main.getByLabel("Password", { exact: true }).fill(user.password);
    await main.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL((url) => url.pathname !== "/login");
    const landed = new URL(page.url());
    expect(landed.origin, callbackUrl).toBe(E2E_BASE_URL);
    expect(landed.pathname.startsWith("//"), callbackUrl).toBe(false);
    await context.close();
  }
});

test("malformed and hostile form posts are refused without a 500 and change nothing", async ({ browser }) => {
  const article = await createCommentableArticle();
  const reader = await createTestUser();
  await makeTrusted(reader, article.id);
  const { context, page } = await newClient(browser);
  await signInThroughForm(page, reader, { callbackUrl: `/articles/${article.slug}` });
  const path = `/articles/${article.slug}`;
  const html = await (await context.request.get(path)).text();
  const form = plainFormTarget(html, "body");
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const countComments = () => getDb().select({ id: comments.id }).from(comments).where(eq(comments.articleId, article.id)).all().length;
  const before = countComments();

  const posts: { name: string; headers: Record<string, string>; body: Buffer }[] = [
    { name: "multipart without a boundary", headers: { "content-type": "multipart/form-data" }, body: Buffer.from("garbage") },
    { name: "urlencoded with invalid UTF-8", headers: { "content-type": "application/x-www-form-urlencoded" }, body: Buffer.concat([Buffer.from("body="), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from("&articleId=%C3%28")]) },
    { name: "an unknown action id", headers: { "content-type": "text/plain;charset=UTF-8", "next-action": "0".repeat(42) }, body: Buffer.from("[]") },
    { name: "a malformed action id", headers: { "content-type": "text/plain;charset=UTF-8", "next-action": "<script>" }, body: Buffer.from("[") },
    { name: "JSON garbage", headers: { "content-type": "application/json" }, body: Buffer.from("{\"a\":") },
    { name: "a null byte", headers: { "content-type": "application/x-www-form-urlencoded" }, body: Buffer.from("body=a%00b&\u0000=\u0000") },
  ];
  for (const post of posts) {
    const response = await rawRequest("POST", path, { ...post.headers, cookie, origin: E2E_BASE_URL, "content-length": String(post.body.length) }, post.body);
    expect(response.status, post.name).toBeLessThan(500);
  }

  // A server-action form (the profile form; the comment form posts to its own endpoint) as a
  // browser without JavaScript encodes it, then broken: the server reads a multipart body whole
  // and refuses one that does not parse (Next would answer 500).
  const actionPath = "/account";
  const actionFields = serverActionFormFields(await (await context.request.get(actionPath)).text(), "bio");
  const profileOf = () => getDb().select({ displayName: users.displayName, bio: users.bio }).from(users).where(eq(users.id, reader.id)).get();
  const profileBefore = profileOf();
  const boundary = "----WebKitFormBoundaryh0st1leP0st7x9Q";
  const wellFormed = Object.entries({ ...actionFields, displayName: `Never stored ${uniqueSuffix()}`, bio: "never stored" })
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join("") + `--${boundary}--\r\n`;
  const multipart = `multipart/form-data; boundary=${boundary}`;
  const malformed: { name: string; contentType: string; body: string }[] = [
    { name: "another boundary", contentType: "multipart/form-data; boundary=zzz", body: wellFormed },
    { name: "cut short", contentType: multipart, body: wellFormed.slice(0, -40) },
    { name: "no closing delimiter", contentType: multipart, body: wellFormed.slice(0, -(boundary.length + 6)) },
    { name: "a part without Content-Disposition", contentType: multipart, body: wellFormed.replace("Content-Disposition: form-data;", "X-Nothing: 1;") },
    { name: "garbage", contentType: multipart, body: "--aaa\r\nnonsense\u0000\u00ff" },
  ];
  for (const post of malformed) {
    const body = Buffer.from(post.body);
    const response = await rawRequest("POST", actionPath, { "content-type": post.contentType, cookie, origin: E2E_BASE_URL, "content-length": String(body.length) }, body);
    expect(response.status, post.name).toBe(400);
  }

  // The profile action called by its real id with arguments no React client writes: each is
  // refused with 400 before Next decodes it, or, when it decodes to the wrong shape, answered
  // by the action with an error; never a 500.
  const actionId = (JSON.parse(Object.entries(actionFields).find(([name]) => /^\$ACTION_\d+:0$/.test(name))?.[1] ?? "{}") as { id?: string }).id ?? "";
  expect(actionId).toMatch(/^[0-9a-f]{40,}$/);
  const refName = Object.keys(actionFields).find((name) => name.startsWith("$ACTION_REF_")) ?? "";
  const prefix = `$ACTION_${refName.slice("$ACTION_REF_".length)}:`;
  const formBody = (fields: Record<string, string>) =>
    Object.entries(fields)
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join("") + `--${boundary}--\r\n`;
  const fetchCall = { "content-type": "text/plain;charset=UTF-8", "next-action": actionId };
  const actionPosts: { name: string; headers: Record<string, string>; body: string; status: number[] }[] = [
    { name: "garbage arguments", headers: fetchCall, body: "{[garbage", status: [400] },
    { name: "an empty body", headers: fetchCall, body: "", status: [400] },
    { name: "arguments that are not a list", headers: fetchCall, body: '{"a":1}', status: [400] },
    { name: "a reference to a missing row", headers: fetchCall, body: '["$@3"]', status: [400] },
    { name: "too many arguments", headers: fetchCall, body: JSON.stringify(Array(1001).fill(1)), status: [400] },
    { name: "a multipart call with a garbage row", headers: { "content-type": multipart, "next-action": actionId }, body: formBody({ 0: "{[garbage" }), status: [400] },
    { name: "garbage bound arguments", headers: { "content-type": multipart }, body: formBody({ ...actionFields, [`${prefix}1`]: "{garbage" }), status: [400] },
    { name: "missing bound arguments", headers: { "content-type": multipart }, body: formBody(Object.fromEntries(Object.entries(actionFields).filter(([name]) => name !== `${prefix}1`))), status: [400] },
    { name: "arguments of the wrong shape", headers: fetchCall, body: '[{"status":"idle"},"not a form"]', status: [200] },
    { name: "the action posted as unbound", headers: { "content-type": multipart }, body: formBody({ [`$ACTION_ID_${actionId}`]: "", displayName: "Unbound", bio: "unbound" }), status: [200] },
  ];
  for (const post of actionPosts) {
    const body = Buffer.from(post.body);
    const response = await rawRequest("POST", actionPath, { ...post.headers, cookie, origin: E2E_BASE_URL, "content-length": String(body.length) }, body);
    expect(post.status, `${post.name} answered ${response.status}`).toContain(response.status);
  }

  expect(profileOf()).toEqual(profileBefore);

  // A real comment post with hostile values: raw invalid UTF-8 and a null byte in the comment, an id
  // that is not a number, a far too long comment.
  for (const fields of [
    { articleId: "%C3%28", parentId: "", body: "hello" },
    { articleId: String(article.id), parentId: "1 OR 1=1", body: "hello" },
    { articleId: String(article.id), parentId: "", body: "x".repeat(200_000) },
    { articleId: "-1", parentId: "", body: "hello" },
  ]) {
    const response = await postPlainForm(context.request, form.action, { ...form.fields, ...fields });
    expect.soft([200, 303], JSON.stringify(fields).slice(0, 60)).toContain(response.status());
  }
  expect(countComments()).toBe(before);

  // A null byte inside an otherwise valid comment is dropped or refused, never stored raw.
  const withNull = await postPlainForm(context.request, form.action, { ...form.fields, parentId: "", body: `with a\u0000null ${uniqueSuffix()}` });
  expect(withNull.status()).toBeLessThan(500);
  const stored = getDb().select({ body: comments.body }).from(comments).where(eq(comments.articleId, article.id)).all();
  expect(stored.some((row) => row.body.includes("\u0000"))).toBe(false);
  await context.close();
});
