import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { banUser, createTestUser, fillSignInForm } from "./support/accounts";
import {
  commentByText,
  createCommentableArticle,
  expectFormRefusal,
  makeTrusted,
  postComment,
  postCommentExpectingSuccess,
  replySection,
} from "./support/comments";
import { E2E_DATABASE_PATH } from "./support/e2e-environment";
import { freePort } from "./support/free-port";
import { makeTempDataDir, spawnServer } from "./support/spawn-server";
import { uniqueSuffix } from "./support/test-data";

// A one-day ban blocks with its reason and end date, and lapses by itself when the clock passes
// it: no job runs, the ban is checked when the user acts. Time is moved, not waited for, on a
// second server over the e2e database that reads its clock offset from CLOCK_OFFSET_FILE.
//
// The clock moves only after the server has answered the refused post. (An earlier version
// asserted on the ban notice the form shows before any post, so it could move the clock while a
// slow, cold server was still handling that post; the post then met the moved clock, was stored,
// and the real post afterwards was refused as a duplicate.)

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
    const reply = replySection(page);
    const banMessage = /^Your account is banned until .+\. Reason: Link spam$/;
    await expect(reply.locator(".form-message")).toHaveText(banMessage);

    // The server refuses the post itself (postComment waits for its answer), with the reason and
    // end date, and keeps the typed text.
    const typed = `After the ban ${uniqueSuffix()}`;
    expect(await postComment(page, typed), "a banned reader's post was accepted").toBeNull();
    await expect(reply.locator(".form-message")).toHaveText(banMessage);
    await expect(reply.locator(".form-message")).toContainText(/banned until \w+ \d{1,2}, \d{4}/);
    await expect(reply.getByLabel("Comment", { exact: true })).toHaveValue(typed);
    await expect(commentByText(page, typed)).toHaveCount(0);

    // Two days later the ban has lapsed by itself: the same text now posts (it was never stored,
    // or it would be refused as a duplicate) and is published at once.
    fs.writeFileSync(clockFile, String(2 * DAY));
    await page.reload();
    await expect(reply).not.toContainText("banned");
    const commentId = await postCommentExpectingSuccess(page, typed);
    await expect(page.locator(`#comment-${commentId}`)).toContainText(typed);
    await expect(page.locator(`#comment-${commentId}`)).not.toContainText("awaiting moderation");

    // Posting the same text again is refused as a duplicate, which shows the refusal path reports
    // the server's own message.
    await page.reload();
    expect(await postComment(page, typed)).toBeNull();
    await expectFormRefusal(page, "Duplicate comment detected; it looks as though you've already said that!", typed);
  } finally {
    await context.close();
    const exitCode = await server.stop();
    clockDir.remove();
    if (test.info().status !== test.info().expectedStatus) {
      await test.info().attach("second server output", { body: server.output(), contentType: "text/plain" });
    }
    expect.soft(exitCode, "the second server stops cleanly").toBe(0);
  }
});
