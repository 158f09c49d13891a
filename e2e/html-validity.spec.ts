import { expect, test, type APIRequestContext } from "@playwright/test";
import { HtmlValidate, type ConfigData, type Message } from "html-validate";
import { seedArticleSlug } from "../db/demo/seed-article";
import { demoPublication } from "../db/demo/demo-people";
import { createTestUser, signInThroughForm } from "./support/accounts";
import { createOldPublishedArticle } from "./support/publishing";

// Every main page's server-rendered HTML is valid: html-validate's recommended rules, with only the
// rules below turned off or relaxed, each for something React or Next emits and we cannot change.
const config: ConfigData = {
  extends: ["html-validate:recommended"],
  rules: {
    // Serialisation style, not validity: React writes `charSet`/`dateTime` (HTML attribute names are
    // case-insensitive), `<meta/>`, `async=""` and `hidden=""`, all valid HTML5.
    "attr-case": "off",
    "void-style": "off",
    "attribute-boolean-style": "off",
    "attribute-empty-style": "off",
    // React's useId makes ids like `_R_`: valid HTML5 ids, which the relaxed check accepts.
    "valid-id": ["error", { relaxed: true }],
    // The queue's bulk checkboxes (`commentIds`) sit in their rows but belong to the bulk form
    // through the `form` attribute, which this rule does not follow; each row's own form has a
    // hidden `commentIds` of its own.
    "form-dup-name": "off",
    // Advice about titles for search results, not validity: the seed article's own title is 81
    // characters, and a title's length is the author's choice.
    "long-title": "off",
  },
};

// React renders a server-action form without JavaScript as `<form action="" …>` (post to this
// page), which HTML forbids (an action must be a non-empty URL) and html-validate flags. Only
// that exact attribute is removed before validating; every other attribute is checked.
function withoutReactEmptyFormActions(html: string): string {
  return html.replace(/(<form\b[^>]*?) action=""/g, "$1");
}

const validator = new HtmlValidate(config);

function describeMessages(url: string, messages: Message[]): string {
  return messages.map((message) => `${url}:${message.line}:${message.column} ${message.ruleId}: ${message.message} — ${message.selector ?? ""}`).join("\n");
}

// The problems of one page, as lines naming the page, place, rule and element.
async function htmlProblems(request: APIRequestContext, url: string, status = 200): Promise<string[]> {
  const response = await request.get(url);
  expect(response.status(), `GET ${url}`).toBe(status);
  expect(response.headers()["content-type"]).toContain("text/html");
  const report = await validator.validateString(withoutReactEmptyFormActions(await response.text()), url);
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
