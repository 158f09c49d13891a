import { and, eq } from "drizzle-orm";
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser } from "@playwright/test";
import { banUser, createTestUser, getSessionUserByEmail, newClient, signInThroughForm, uniqueIp, type TestUser } from "./support/accounts";
import { E2E_BASE_URL } from "./support/e2e-environment";
import { createCommentableArticle } from "./support/comments";
import { getDb, insertComment } from "./support/database";
import { plainFormTarget, postPlainForm, postServerActionForm, serverActionFormFields } from "./support/form-replay";
import { comments } from "../db/schema";

// Every protected page and server action × every kind of visitor, through real requests. Actions
// are also called directly, without their page: a form post replayed with another visitor's
// cookies, as a script would send it.

type Visitor = "anonymous" | "reader" | "author" | "moderator" | "admin" | "banned";
const visitors: Visitor[] = ["anonymous", "reader", "author", "moderator", "admin", "banned"];

type Client = { request: APIRequestContext; user: TestUser | null };
const clients = new Map<Visitor, Client>();

async function signedInRequest(browser: Browser, user: TestUser): Promise<APIRequestContext> {
  const { context, page, ip } = await newClient(browser, { javaScriptEnabled: false });
  await signInThroughForm(page, user, { callbackUrl: "/account" });
  const storageState = await context.storageState();
  await context.close();
  return playwrightRequest.newContext({ baseURL: E2E_BASE_URL, storageState, extraHTTPHeaders: { "x-forwarded-for": ip } });
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  clients.set("anonymous", {
    request: await playwrightRequest.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } }),
    user: null,
  });
  for (const visitor of visitors.filter((name) => name !== "anonymous")) {
    const user = await createTestUser({ role: visitor === "banned" ? "reader" : visitor });
    clients.set(visitor, { request: await signedInRequest(browser, user), user });
    if (visitor === "banned") await banUser({ userId: user.id, reason: "matrix test", until: null });
  }
});

test.afterAll(async () => {
  for (const client of clients.values()) await client.request.dispose();
});

function client(visitor: Visitor): Client {
  const found = clients.get(visitor);
  if (!found) throw new Error(`no client for ${visitor}`);
  return found;
}

const protectedPages: { path: string; allowed: Visitor[] }[] = [
  { path: "/account", allowed: ["reader", "author", "moderator", "admin", "banned"] },
  { path: "/account/comments", allowed: ["reader", "author", "moderator", "admin", "banned"] },
  { path: "/admin/users", allowed: ["admin"] },
  { path: "/admin/settings", allowed: ["admin"] },
  { path: "/dashboard", allowed: ["author", "moderator", "admin"] },
  { path: "/dashboard/articles/new", allowed: ["author", "moderator", "admin"] },
  { path: "/admin/tags", allowed: ["admin"] },
  { path: "/admin/publications", allowed: ["admin"] },
  { path: "/moderation", allowed: ["moderator", "admin"] },
  { path: "/moderation/log", allowed: ["moderator", "admin"] },
];

for (const { path, allowed } of protectedPages) {
  for (const visitor of visitors) {
    const expectation = allowed.includes(visitor) ? "allowed" : "denied";
    test(`${path} × ${visitor} → ${expectation}`, async () => {
      const response = await client(visitor).request.get(path, { maxRedirects: 0 });
      if (expectation === "allowed") {
        expect(response.status()).toBe(200);
        return;
      }
      expect(response.status()).toBe(307);
      const location = response.headers().location ?? "";
      if (visitor === "anonymous") expect(location).toBe(`/login?callbackUrl=${encodeURIComponent(path)}`);
      else expect(location).toBe("/forbidden");
    });
  }
}

test("the page guards send to a 403 page", async () => {
  const response = await client("reader").request.get("/forbidden");
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("You do not have access to this page");
});

test.describe("server actions called directly", () => {
  // Banned users may not change their public name; everyone else signed in may change their own.
  for (const visitor of visitors) {
    const allowed = ["reader", "author", "moderator", "admin"].includes(visitor);
    test(`update profile × ${visitor} → ${allowed ? "allowed" : "denied"}`, async () => {
      const source = await client("reader").request.get("/account");
      const actionFields = serverActionFormFields(await source.text(), "displayName");
      const newName = `Renamed by ${visitor} ${Date.now()}`;
      const response = await postServerActionForm(client(visitor).request, "/account", actionFields, {
        displayName: newName,
        bio: "",
      });
      expect(response.status()).toBeLessThan(500);
      const user = client(visitor).user;
      if (!user) return;
      const stored = await getSessionUserByEmail({ email: user.email });
      if (allowed) expect(stored?.displayName).toBe(newName);
      else expect(stored?.displayName).toBe(user.displayName);
    });
  }
});

test.describe("admin server actions called directly", () => {
  for (const visitor of visitors) {
    const allowed = visitor === "admin";
    test(`change a user's role × ${visitor} → ${allowed ? "allowed" : "denied"}`, async () => {
      const victim = await createTestUser({ role: "reader" });
      const source = await client("admin").request.get(`/admin/users?q=${encodeURIComponent(victim.email)}`);
      const actionFields = serverActionFormFields(await source.text(), "role");
      const response = await postServerActionForm(client(visitor).request, "/admin/users", actionFields, {
        userId: String(victim.id),
        role: "admin",
      });
      expect(response.status()).toBeLessThan(500);
      const stored = await getSessionUserByEmail({ email: victim.email });
      expect(stored?.role).toBe(allowed ? "admin" : "reader");
    });

    test(`ban a user × ${visitor} → ${allowed ? "allowed" : "denied"}`, async () => {
      const victim = await createTestUser({ role: "reader" });
      const source = await client("admin").request.get(`/admin/users?q=${encodeURIComponent(victim.email)}`);
      const actionFields = serverActionFormFields(await source.text(), "duration");
      await postServerActionForm(client(visitor).request, "/admin/users", actionFields, {
        userId: String(victim.id),
        duration: "permanent",
        reason: `matrix ${visitor}`,
      });
      const stored = await getSessionUserByEmail({ email: victim.email });
      expect(stored?.ban !== null).toBe(allowed);
    });
  }
});

function commentStatusOf(commentId: number): string | undefined {
  return getDb().select({ status: comments.status }).from(comments).where(eq(comments.id, commentId)).get()?.status;
}

test.describe("comment server actions called directly", () => {
  for (const visitor of visitors) {
    const allowed = ["moderator", "admin"].includes(visitor);
    test(`approve a comment × ${visitor} → ${allowed ? "allowed" : "denied"}`, async () => {
      const article = await createCommentableArticle();
      const commenter = await createTestUser();
      const commentId = await insertComment({ articleId: article.id, authorId: commenter.id, body: `held ${visitor}`, status: "pending" });
      const source = await client("moderator").request.get("/moderation");
      const actionFields = serverActionFormFields(await source.text(), "command");
      const response = await postServerActionForm(client(visitor).request, "/moderation", actionFields, {
        commentIds: String(commentId),
        command: "approve",
        status: "pending",
      });
      expect(response.status()).toBeLessThan(500);
      expect(commentStatusOf(commentId)).toBe(allowed ? "approved" : "pending");
    });
  }

  for (const visitor of visitors) {
    const allowed = ["reader", "author", "moderator", "admin"].includes(visitor);
    test(`post a comment × ${visitor} → ${allowed ? "allowed" : "denied"}`, async () => {
      const article = await createCommentableArticle();
      const source = await client("reader").request.get(`/articles/${article.slug}`);
      const form = plainFormTarget(await source.text(), "body");
      const body = `Posted directly by ${visitor} ${Date.now()}`;
      const response = await postPlainForm(client(visitor).request, form.action, { ...form.fields, parentId: "", body });
      expect(response.status()).toBeLessThan(500);
      const stored = getDb().select({ id: comments.id }).from(comments).where(and(eq(comments.articleId, article.id), eq(comments.body, body))).all();
      expect(stored).toHaveLength(allowed ? 1 : 0);
    });
  }
});
