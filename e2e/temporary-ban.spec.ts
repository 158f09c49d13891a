import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { banUser, createTestUser, fillSignInForm } from "./support/accounts";
import { createCommentableArticle, makeTrusted, postComment } from "./support/comments";
import { E2E_DATABASE_PATH } from "./support/e2e-environment";
import { freePort } from "./support/free-port";
import { makeTempDataDir, spawnServer } from "./support/spawn-server";
import { uniqueSuffix } from "./support/test-data";

// A one-day ban blocks with its reason and end date, and lapses by itself when the clock passes
// it: no job runs, the ban is checked when the user acts. Time is moved, not waited for, on a
// second server over the e2e database that reads its clock offset from CLOCK_OFFSET_FILE.

const DAY = 86_400_000;

test("a one-day ban blocks commenting with its reason, then lapses when the clock passes it", async ({ browser }) => {
  // A second server starts, and one reader signs in and posts twice: slow on a busy 2-core machine.
  test.setTimeout(180_000);
  const clockDir = makeTempDataDir();
  const clockFile = path.join(clockDir.dir, "clock-offset");
  fs.writeFileSync(clockFile, "0");
  const server = await spawnServer({
    port: await freePort(),
    env: { DATABASE_PATH: E2E_DATABASE_PATH, DEMO_CONTENT: "false", CLOCK_OFFSET_FILE: clockFile },
  });
  const context = await browser.newContext({ baseURL: server.baseUrl });
  try {
    const article = await createCommentableArticle();
    const reader = await createTestUser();
    await makeTrusted(reader, article.id);
    await banUser({ userId: reader.id, reason: "Link spam", until: new Date(Date.now() + DAY) });

    const page = await context.newPage();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(`/articles/${article.slug}`)}`);
    await fillSignInForm(page, reader);
    await page.waitForURL((url) => url.pathname === `/articles/${article.slug}`);
    const reply = page.getByRole("main").getByRole("region", { name: "Leave a Reply" });
    await expect(reply).toContainText(/Your account is banned until .+\. Reason: Link spam/);

    const typed = `After the ban ${uniqueSuffix()}`;
    await reply.getByLabel("Comment", { exact: true }).fill(typed);
    await reply.getByRole("button", { name: "Post Comment" }).click();
    await expect(reply.locator(".form-message")).toContainText("Reason: Link spam");
    await expect(reply.getByLabel("Comment", { exact: true })).toHaveValue(typed);

    // Two days later the ban has lapsed by itself.
    fs.writeFileSync(clockFile, String(2 * DAY));
    await page.reload();
    await expect(reply).not.toContainText("banned");
    const commentId = await postComment(page, typed);
    expect(commentId).not.toBeNull();
    await expect(page.locator(`#comment-${commentId}`)).toContainText(typed);
  } finally {
    await context.close();
    await server.stop();
    clockDir.remove();
  }
});
