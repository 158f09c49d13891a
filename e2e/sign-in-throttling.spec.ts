import { expect, test, type Page } from "@playwright/test";
import {
  createTestUser,
  expectSignedOutAt,
  fillSignInForm,
  formMessage,
  newClient,
  signInThroughForm,
  strongPassword,
  throttledMessage,
  uniqueIp,
  wrongCredentialsMessage,
} from "./support/accounts";
import { freePort } from "./support/free-port";
import { makeTempDataDir, spawnServer } from "./support/spawn-server";
import { uniqueSuffix } from "./support/test-data";

// Wrong passwords are limited per account and client address (5 per 15 minutes), kept in SQLite
// so the limit holds across restarts. The e2e servers trust X-Forwarded-For, so every client
// below has its own made-up address.

const ACCOUNT_AND_IP_LIMIT = 5;

async function attemptSignIn(page: Page, credentials: { email: string; password: string }): Promise<string> {
  await page.goto("/login?callbackUrl=%2Faccount");
  await fillSignInForm(page, credentials);
  const message = formMessage(page);
  await expect(message).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/login");
  return (await message.textContent()) ?? "";
}

// Uses up the allowance of one account from one address.
async function exhaustAllowance(page: Page, email: string): Promise<void> {
  for (let attempt = 1; attempt <= ACCOUNT_AND_IP_LIMIT; attempt += 1) {
    const message = await attemptSignIn(page, { email, password: `wrong-password-${attempt}` });
    if (attempt < ACCOUNT_AND_IP_LIMIT) {
      expect(message, `attempt ${attempt}`).toBe(wrongCredentialsMessage);
    } else {
      // The attempt that uses up the allowance may already say how long to wait.
      expect(message === wrongCredentialsMessage || throttledMessage.test(message), `attempt ${attempt}: ${message}`).toBe(true);
    }
  }
}

async function expectThrottled(page: Page, credentials: { email: string; password: string }): Promise<void> {
  const message = await attemptSignIn(page, credentials);
  expect(message).toMatch(throttledMessage);
  expect(message).toMatch(/Try again in (1[45]) minutes\.$/);
  await expectSignedOutAt(page, "/account");
}

for (const javaScriptEnabled of [true, false]) {
  test(`after ${ACCOUNT_AND_IP_LIMIT} wrong passwords even the right one is refused from that address, not from others (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
    // Many sign-in round trips, each hashing a password.
    test.slow();
    const user = await createTestUser();
    const neighbour = await createTestUser();
    const attacker = await newClient(browser, { javaScriptEnabled });
    const elsewhere = await newClient(browser, { javaScriptEnabled });
    try {
      await exhaustAllowance(attacker.page, user.email);
      await expectThrottled(attacker.page, user);
      // The email is compared case-insensitively, so a capitalised copy is the same account.
      await expectThrottled(attacker.page, { email: user.email.toUpperCase(), password: user.password });

      // The owner, elsewhere, is not locked out.
      await signInThroughForm(elsewhere.page, user);
      // Nor is another account from the throttled address (its own, looser limit is far away).
      await signInThroughForm(attacker.page, neighbour);
    } finally {
      await attacker.context.close();
      await elsewhere.context.close();
    }
  });
}

test("a successful sign-in clears the failures counted for that account and address", async ({ browser }) => {
  test.slow();
  const user = await createTestUser();
  const { context, page } = await newClient(browser, { javaScriptEnabled: true });
  try {
    for (let attempt = 1; attempt < ACCOUNT_AND_IP_LIMIT; attempt += 1) {
      expect(await attemptSignIn(page, { email: user.email, password: `wrong-${attempt}` })).toBe(wrongCredentialsMessage);
    }
    await signInThroughForm(page, user);
    await context.clearCookies();
    // A fresh allowance: four more wrong passwords are answered normally, and the right one works.
    for (let attempt = 1; attempt < ACCOUNT_AND_IP_LIMIT; attempt += 1) {
      expect(await attemptSignIn(page, { email: user.email, password: `wrong-again-${attempt}` })).toBe(wrongCredentialsMessage);
    }
    await signInThroughForm(page, user);
  } finally {
    await context.close();
  }
});

test("the throttle survives a server restart", async ({ browser }) => {
  test.setTimeout(180_000);
  const data = makeTempDataDir();
  const env = { DATABASE_PATH: data.databasePath, TRUST_PROXY: "true", DEMO_CONTENT: "false" };
  const port = await freePort();
  let server = await spawnServer({ port, env });
  const contexts: { close: () => Promise<void> }[] = [];
  try {
    const suffix = uniqueSuffix();
    const account = { displayName: `Throttled ${suffix}`, email: `e2e-throttled-${suffix}@example.test`, password: strongPassword() };
    const attackerIp = uniqueIp();

    // The account is registered through the second server's own form (it has its own database).
    const registrar = await newClient(browser, { javaScriptEnabled: true, baseURL: server.baseUrl });
    contexts.push(registrar.context);
    await registrar.page.goto("/register");
    await registrar.page.getByRole("main").getByLabel("Display name").fill(account.displayName);
    await registrar.page.getByRole("main").getByLabel("Email").fill(account.email);
    await registrar.page.getByRole("main").getByLabel("Password").fill(account.password);
    await registrar.page.getByRole("main").getByRole("button", { name: "Register" }).click();
    await registrar.page.waitForURL(`${server.baseUrl}/`);

    // JavaScript off: the sign-in form is posted as a plain form.
    const before = await newClient(browser, { javaScriptEnabled: false, ip: attackerIp, baseURL: server.baseUrl });
    contexts.push(before.context);
    await exhaustAllowance(before.page, account.email);
    await expectThrottled(before.page, account);

    expect(await server.stop("SIGTERM")).toBe(0);
    server = await spawnServer({ port, env });

    const after = await newClient(browser, { javaScriptEnabled: false, ip: attackerIp, baseURL: server.baseUrl });
    contexts.push(after.context);
    await expectThrottled(after.page, account);
    const elsewhere = await newClient(browser, { javaScriptEnabled: false, baseURL: server.baseUrl });
    contexts.push(elsewhere.context);
    await signInThroughForm(elsewhere.page, account);
  } finally {
    for (const context of contexts) await context.close();
    await server.stop();
    data.remove();
  }
});
