import { defineConfig, devices } from "@playwright/test";
import { E2E_BASE_URL } from "./e2e/support/e2e-environment";

// Debian's Chromium: Playwright's own browser downloads cannot work on these machines.
const chromiumFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const siteSettingsSpec = /admin-settings\.browse\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  // The failure-context reporter prints, after the summary, what each failed test's page showed.
  reporter: [["list"], ...(process.env.CI ? [] : [["html", { open: "never" }] as const]), ["./e2e/support/failure-context-reporter.ts"]],
  use: {
    baseURL: E2E_BASE_URL,
    // Recording a trace costs every test CPU (snapshots, screenshots) even when it passes and the
    // trace is thrown away, on a two-core machine that is already the bottleneck. Opt in to debug.
    trace: process.env.E2E_TRACE === "1" ? "retain-on-failure" : "off",
    browserName: "chromium",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumFlags },
  },
  projects: [
    { name: "javascript-on", use: { ...devices["Desktop Chrome"], javaScriptEnabled: true }, testIgnore: siteSettingsSpec },
    {
      name: "javascript-off",
      use: { ...devices["Desktop Chrome"], javaScriptEnabled: false },
      // Only the browsing specs are worth running twice; HTTP-level specs do not use a browser.
      testMatch: /.*\.browse\.spec\.ts/,
      testIgnore: siteSettingsSpec,
    },
    // Site settings are global: while this spec holds other values, comments posted by other
    // specs would meet other rules. So it runs after everything else, one project at a time.
    {
      name: "settings-javascript-on",
      use: { ...devices["Desktop Chrome"], javaScriptEnabled: true },
      testMatch: siteSettingsSpec,
      dependencies: ["javascript-on", "javascript-off"],
    },
    {
      name: "settings-javascript-off",
      use: { ...devices["Desktop Chrome"], javaScriptEnabled: false },
      testMatch: siteSettingsSpec,
      dependencies: ["settings-javascript-on"],
    },
  ],
  webServer: {
    command: "node --import tsx scripts/e2e-server.ts",
    url: `${E2E_BASE_URL}/`,
    // The first run builds the production bundle.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
