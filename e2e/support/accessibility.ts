import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

// WCAG 2.2 levels A and AA, with the 2.0 and 2.1 rules they include.
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

export const COLOR_SCHEMES = ["light", "dark"] as const;
export type ColorScheme = (typeof COLOR_SCHEMES)[number];

// One line per failing element: rule, impact, selector and axe's own explanation, so a failure
// reads without opening the trace.
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? "unknown"}) at ${node.target.join(" ")}: ${violation.help}. ${node.failureSummary?.replace(/\s+/g, " ") ?? ""}`,
    ),
  );
}

// Checks the page as it is now in both colour schemes, leaving it in the light one.
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    const violations = await axeViolations(page);
    expect(violations, `axe violations on ${label} (${colorScheme} scheme):\n${violations.join("\n")}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

// A field in error: marked invalid and described by a visible message that carries `message`.
export async function expectFieldError(field: Locator, message: string | RegExp): Promise<void> {
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
  const errorId = describedBy.split(/\s+/).find((id) => id.endsWith("-error"));
  expect(errorId, `aria-describedby="${describedBy}" names an error message`).toBeTruthy();
  const error = field.page().locator(`[id="${errorId}"]`);
  await expect(error).toBeVisible();
  await expect(error).toContainText(message);
  await expect(field).toHaveAccessibleDescription(message instanceof RegExp ? message : new RegExp(escapeRegExp(message)));
}

// The form-level message sits in a live region, so screen readers announce it when it appears.
export async function expectAnnouncedFormMessage(form: Locator, message: string | RegExp): Promise<void> {
  const region = form.locator("[aria-live], [role=alert], [role=status]").filter({ has: form.page().locator(".form-message") }).first();
  await expect(region).toContainText(message);
  const live = await region.evaluate((element) => element.getAttribute("aria-live") ?? element.getAttribute("role"));
  expect(["polite", "assertive", "alert", "status"]).toContain(live);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Whether the focused element shows a focus indicator: an outline or a box-shadow ring.
export async function focusedElementIndicator(page: Page): Promise<{ element: string; visible: boolean; style: string }> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { element: "body", visible: false, style: "nothing focused" };
    const style = getComputedStyle(element);
    const outlineWidth = Number.parseFloat(style.outlineWidth);
    const outlined = style.outlineStyle !== "none" && outlineWidth > 0 && style.outlineColor !== "transparent";
    const shadowed = style.boxShadow !== "none" && style.boxShadow !== "";
    const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""} “${(element.textContent ?? "").trim().slice(0, 40)}”`;
    return {
      element: name,
      visible: (outlined || shadowed) && element.matches(":focus-visible"),
      style: `outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow: ${style.boxShadow}`,
    };
  });
}

export async function expectVisibleFocus(page: Page): Promise<void> {
  const focus = await focusedElementIndicator(page);
  expect(focus.visible, `focus indicator of ${focus.element} (${focus.style})`).toBe(true);
}
