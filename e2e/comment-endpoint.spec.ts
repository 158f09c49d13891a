import { expect, test, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { comments } from "../db/schema";
import { createTestUser, newClient, signInThroughForm } from "./support/accounts";
import { createCommentableArticle, makeTrusted, type TestArticle } from "./support/comments";
import { getDb } from "./support/database";
import { E2E_BASE_URL } from "./support/e2e-environment";
import { plainFormTarget } from "./support/form-replay";
import { uniqueSuffix } from "./support/test-data";

// The JavaScript-off comment form posts to POST /articles/<slug>/comments, answered by the custom
// server before Next (lib/server/comment-post-endpoint.ts). HTTP only, one signed-in session.

let context: BrowserContext;
let request: APIRequestContext;
let article: TestArticle;
let form: { action: string; fields: Record<string, string> };
let sessionCookie: string;

test.beforeAll(async ({ browser }) => {
  article = await createCommentableArticle();
  const reader = await createTestUser();
  await makeTrusted(reader, article.id);
  ({ context } = await newClient(browser));
  const page = await context.newPage();
  await signInThroughForm(page, reader, { callbackUrl: `/articles/${article.slug}` });
  request = context.request;
  form = plainFormTarget(await (await request.get(`/articles/${article.slug}`)).text(), "body");
  const cookie = (await context.cookies()).find((candidate) => candidate.name === "authjs.session-token");
  if (!cookie) throw new Error("No session cookie after signing in");
  sessionCookie = cookie.value;
});

test.afterAll(async () => context.close());

function storedWith(body: string) {
  return getDb()
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.articleId, article.id), eq(comments.body, body)))
    .all();
}

// Posts the form urlencoded, as a browser without JavaScript does; cookies and headers as given.
function post(body: string, { headers = {}, client = request }: { headers?: Record<string, string>; client?: APIRequestContext } = {}) {
  return client.post(form.action, {
    form: { ...form.fields, parentId: "", body },
    headers: { origin: E2E_BASE_URL, ...headers },
    maxRedirects: 0,
  });
}

test("the form posts to its endpoint, and an accepted comment is answered 303 to its anchor and stored once", async () => {
  expect(form.action).toBe(`/articles/${article.slug}/comments`);
  const body = `Endpoint post ${uniqueSuffix()}`;
  const response = await post(body);
  expect(response.status()).toBe(303);
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  expect(response.headers()["set-cookie"]).toBeUndefined();
  const stored = storedWith(body);
  expect(stored).toHaveLength(1);
  expect(response.headers().location).toBe(`/articles/${article.slug}#comment-${stored[0]!.id}`);
});

test("a post from another origin, or a cross-site browser request, is refused with 403 and stores nothing", async () => {
  const body = `Cross-origin ${uniqueSuffix()}`;
  expect((await post(body, { headers: { origin: "http://evil.example" } })).status()).toBe(403);
  expect((await post(body, { headers: { origin: "null" } })).status()).toBe(403);
  expect((await post(body, { headers: { "sec-fetch-site": "cross-site" } })).status()).toBe(403);
  expect(storedWith(body)).toEqual([]);
});

test("without a session, or with a tampered session cookie, the post goes to sign-in and stores nothing", async ({ playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
  try {
    const body = `Signed out ${uniqueSuffix()}`;
    const loginPath = `/login?callbackUrl=${encodeURIComponent(`/articles/${article.slug}#respond`)}`;
    const signedOut = await post(body, { client: anonymous });
    expect(signedOut.status()).toBe(303);
    expect(signedOut.headers().location).toBe(loginPath);
    const flipped = `${sessionCookie.slice(0, -6)}${sessionCookie.at(-6) === "A" ? "B" : "A"}${sessionCookie.slice(-5)}`;
    const tampered = await post(body, { client: anonymous, headers: { cookie: `authjs.session-token=${flipped}` } });
    expect(tampered.status()).toBe(303);
    expect(tampered.headers().location).toBe(loginPath);
    expect(storedWith(body)).toEqual([]);
  } finally {
    await anonymous.dispose();
  }
});

test("only a POST of the form is the endpoint's: a GET is the not-found page, other bodies are refused", async () => {
  expect((await request.get(form.action)).status()).toBe(404);
  const json = await request.post(form.action, { data: { body: "x" }, headers: { origin: E2E_BASE_URL }, maxRedirects: 0 });
  expect(json.status()).toBe(415);
});
