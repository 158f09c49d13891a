import { expect, test } from "@playwright/test";
import { newClient, strongPassword } from "./support/accounts";
import { freePort } from "./support/free-port";
import { makeTempDataDir, spawnServer, type SpawnedServer } from "./support/spawn-server";
import { uniqueSuffix } from "./support/test-data";

// A new site has no admin and no default password: while none exists, every start prints a
// one-time link to /setup, which creates the first admin.

const setupAnnouncement = "No admin account exists yet. Create one, once, at:";

// The setup URL printed on the line after the announcement, once the server has printed it.
async function printedSetupUrl(server: SpawnedServer): Promise<string> {
  await expect.poll(() => server.output(), { message: "the setup link is printed", timeout: 15_000 }).toContain(setupAnnouncement);
  const lines = server.output().split("\n");
  const index = lines.findIndex((line) => line.includes(setupAnnouncement));
  await expect.poll(() => server.output().split("\n")[index + 1]?.trim() ?? "").toMatch(/^http:\/\/\S+\/setup\?token=\S+$/);
  return server.output().split("\n")[index + 1]!.trim();
}

test("the printed setup link creates the first admin once, and a restarted server prints none", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const data = makeTempDataDir();
  const port = await freePort();
  const env = { DATABASE_PATH: data.databasePath, DEMO_CONTENT: "false" };
  let server = await spawnServer({ port, env });
  try {
    const setupUrl = await printedSetupUrl(server);
    const url = new URL(setupUrl);
    expect(url.origin).toBe(server.baseUrl);
    const token = url.searchParams.get("token")!;
    expect(token.length).toBeGreaterThanOrEqual(32);

    for (const wrong of ["/setup", "/setup?token=", `/setup?token=${token.slice(0, -2)}xx`, "/setup?token=not-the-token"]) {
      const response = await request.get(`${server.baseUrl}${wrong}`);
      expect(response.status(), `GET ${wrong}`).toBe(404);
      const html = await response.text();
      expect(html, `GET ${wrong}`).toMatch(/<h1[^>]*>Page not found<\/h1>/);
      expect(html, `GET ${wrong}`).not.toContain("Set up your site");
    }

    const suffix = uniqueSuffix();
    const admin = { displayName: `First Admin ${suffix}`, email: `e2e-first-admin-${suffix}@example.test`, password: strongPassword() };
    const { context, page } = await newClient(browser, { baseURL: server.baseUrl });
    try {
      const response = await page.goto(setupUrl);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up your site");

      const main = page.getByRole("main");
      await main.getByLabel("Display name").fill(admin.displayName);
      await main.getByLabel("Email").fill(admin.email);
      // A weak password is refused first; the link stays usable.
      await main.getByLabel("Password").fill("password123");
      await main.getByRole("button", { name: "Create admin account" }).click();
      await expect(main.locator("#field-password-error")).toHaveText("This password is too common. Choose one that is harder to guess.");
      await expect(main.getByLabel("Display name")).toHaveValue(admin.displayName);
      await expect(main.getByLabel("Email")).toHaveValue(admin.email);

      await main.getByLabel("Password").fill(admin.password);
      await main.getByRole("button", { name: "Create admin account" }).click();
      await page.waitForURL(`${server.baseUrl}/account`);
      await expect(main.getByText(`Signed in as ${admin.email} (admin).`)).toBeVisible();
      await expect(page.getByRole("banner").getByRole("link", { name: "Users", exact: true })).toBeVisible();

      // The link is used up, for the browser that used it as for anyone else.
      const again = await page.goto(setupUrl);
      expect(again?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    } finally {
      await context.close();
    }
    expect((await request.get(setupUrl)).status()).toBe(404);

    expect(await server.stop("SIGTERM")).toBe(0);
    server = await spawnServer({ port, env });
    expect((await request.get(setupUrl)).status()).toBe(404);
    expect(await server.stop("SIGTERM")).toBe(0);
    // Anything printed at start comes before the shutdown message on the same stream, so once
    // that message is in the output, the whole start-up output is too.
    await expect.poll(() => server.output()).toContain("SIGTERM received");
    expect(server.output()).toContain("Serving ");
    expect(server.output()).not.toContain(setupAnnouncement);
    expect(server.output()).not.toContain("/setup?token=");
  } finally {
    await server.stop();
    data.remove();
  }
});

test("every start while no admin exists prints a new link, and only the newest works", async ({ request }) => {
  test.setTimeout(180_000);
  const data = makeTempDataDir();
  const port = await freePort();
  const env = { DATABASE_PATH: data.databasePath, DEMO_CONTENT: "false" };
  let server = await spawnServer({ port, env });
  try {
    const first = await printedSetupUrl(server);
    expect((await request.get(first)).status()).toBe(200);
    expect(await server.stop("SIGTERM")).toBe(0);

    server = await spawnServer({ port, env });
    const second = await printedSetupUrl(server);
    expect(second).not.toBe(first);
    expect((await request.get(first)).status()).toBe(404);
    const page = await request.get(second);
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain("Set up your site");
  } finally {
    await server.stop();
    data.remove();
  }
});
