import { expect, test, type APIRequestContext } from "@playwright/test";
import { HtmlValidate, type ConfigData, type Message } from "html-validate";
import { seedArticleSlug } from "../db/demo/seed-article";
import { demoPublication } from "../db/demo/demo-people";
import { createTestUser, signInThroughForm } from "./support/accounts";
import { createOldPublishedArticle } from "./support/publishing";

// Every main page's server-rendered HTML is valid: html-validate's recommended rules, with only the
// rules below turned off, each for something React or Next emits and we cannot change.
const config: ConfigData = {
  extends: ["html-validate:recommended"],
  rules: {
  },
};

const validator = new HtmlValidate(config);

function describeMessages(url: string, messages: Message[]): string {
  return messages.map((message) => `${url}:${message.line}:${message.column} ${message.ruleId}: ${message.message} — ${message.selector ?? ""}`).join("\n");
}

// The problems of one page, as lines naming the page, place, rule and element.
async function htmlProblems(request: APIRequestContext, url: string, status = 200): Promise<string[]> {
  const response = await request.get(url);
  expect(response.status(), `GET ${url}`).toBe(status);
  expect(response.headers()["content-type"]).toContain("text/html");
  const report = await validator.validateString(await response.text(), url);
  const messages = report.results.flatMap((result) => result.messages);
  return messages.length === 0 ? [] : [describeMessages(url, messages)];
}

// Checks every page before failing, so one run lists every problem.
async function expectValidHtml(request: APIRequestContext, urls: string[], status = 200): Promise<void> {
  const problems: string[] = [];
  for (const url of urls) problems.push(...(await htmlProblems(request, url, status)));
  expect(problems.join("\n")).toBe("");
}

test.describe("valid HTML", () => {
  test("reader pages", async ({ request }) => {
    const pages = [
      "/",
      "/?page=2",
      `/articles/${seedArticleSlug}`,
      "/authors/owen",
      `/publications/${demoPublication.slug}`,
      "/tags/demo",
      "/tags",
      "/archive",
      "/archive/2021",
      "/archive/2021/08",
      "/search",
      "/search?q=demo",
      "/search?q=nothing-matches-this-zzz",
      "/login",
      "/register",
    ];
    await expectValidHtml(request, pages);
  });

  test("the not-found page", async ({ request }) => {
    await expectValidHtml(request, ["/articles/no-such-article", "/archive/2021/13"], 404);
  });

  test("signed-in pages: dashboard, editor, account, moderation", async ({ page }) => {
    const admin = await createTestUser({ role: "admin" });
    const article = await createOldPublishedArticle(admin);
    await signInThroughForm(page, admin, { callbackUrl: "/dashboard" });
    // The context's request client carries the session cookie.
    await expectValidHtml(page.request, [
      "/dashboard",
      "/dashboard/articles/new",
      `/dashboard/articles/${article.id}/edit`,
      "/account",
      "/moderation",
      "/moderation/log",
      `/articles/${article.slug}`,
    ]);
  });
});
