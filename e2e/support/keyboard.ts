import { expect, type Page } from "@playwright/test";
import { expectVisibleFocus } from "./accessibility";

// Keyboard-only navigation for the journey spec: Tab (or Shift+Tab) until the focused element
// matches `selector`, as a keyboard user would, never moving focus any other way.
export async function tabTo(
  page: Page,
  selector: string,
  { backwards = false, maxPresses = 400 }: { backwards?: boolean; maxPresses?: number } = {},
): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses += 1) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) {
      await expectVisibleFocus(page);
      return;
    }
  }
  throw new Error(`${maxPresses} presses of ${backwards ? "Shift+Tab" : "Tab"} never reached ${selector}`);
}

export async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => (document.activeElement?.textContent ?? "").trim());
}

// Signs in on /login with the keyboard only: Tab to Email, type, Tab to Password, type, Enter.
export async function signInWithKeyboard(page: Page, user: { email: string; password: string }): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await tabTo(page, "main input[name=email]");
  await page.keyboard.type(user.email);
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("password");
  await expectVisibleFocus(page);
  await page.keyboard.type(user.password);
  await page.keyboard.press("Enter");
}
