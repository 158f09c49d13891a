import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

// WCAG 2.2 levels A and AA, with the 2.0 and 2.1 rules they include.
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

export const COLOR_SCHEMES = ["light", "dark"] as const;
export type ColorScheme = (typeof COLOR_SCHEMES)[number];

// One line per failing element: rule, impact, selector and axe's own explanation, so a failure
// reads without opening the trace.
export async function axeViolations(page: Page): Promise<string[]> {
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

export type FocusIndicator = { element: string; visible: boolean; contrast: number | null; style: string };

// Whether the focused element shows a focus indicator (an outline or a box-shadow ring, under
// :focus-visible), and for an outline its contrast with the colour behind it: the outline is drawn
// outside the element, over its parent's background (WCAG 2.4.7, 2.4.11, 1.4.11).
export async function focusedElementIndicator(page: Page): Promise<FocusIndicator> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (color: string): Rgba => {
      const [r = 0, g = 0, b = 0, a = 1] = (/rgba?\(([^)]+)\)/.exec(color)?.[1] ?? "0 0 0 0").split(/[\s,/]+/).filter(Boolean).map(Number);
      return [r, g, b, a];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const alpha = top[3] + bottom[3] * (1 - top[3]);
      if (alpha === 0) return [0, 0, 0, 0];
      const mix = (upper: number, lower: number) => (upper * top[3] + lower * bottom[3] * (1 - top[3])) / alpha;
      return [mix(top[0], bottom[0]), mix(top[1], bottom[1]), mix(top[2], bottom[2]), alpha];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const channel = (value: number) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const backdropOf = (element: Element | null): Rgba => {
      const layers: Rgba[] = [];
      for (let node = element; node; node = node.parentElement) {
        const layer = parse(getComputedStyle(node).backgroundColor);
        if (layer[3] > 0) layers.push(layer);
        if (layer[3] >= 1) break;
      }
      // The canvas behind everything takes the root's colour, or white.
      return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
    };

    const element = document.activeElement;
    if (!element || element === document.body) return { element: "body", visible: false, contrast: null, style: "nothing focused" };
    const style = getComputedStyle(element);
    const outlined = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0 && parse(style.outlineColor)[3] > 0;
    const shadowed = style.boxShadow !== "none" && style.boxShadow !== "";
    let contrast: number | null = null;
    if (outlined) {
      const behind = backdropOf(Number.parseFloat(style.outlineOffset) > 0 ? element.parentElement : element);
      const ring = over(parse(style.outlineColor), behind);
      const [ringLuminance, behindLuminance] = [luminance(ring), luminance(behind)];
      const ratio = (Math.max(ringLuminance, behindLuminance) + 0.05) / (Math.min(ringLuminance, behindLuminance) + 0.05);
      contrast = Math.round(ratio * 100) / 100;
    }
    const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""} “${(element.textContent ?? "").trim().slice(0, 40)}”`;
    return {
      element: name,
      visible: (outlined || shadowed) && element.matches(":focus-visible"),
      contrast,
      style: `outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow: ${style.boxShadow}`,
    };
  });
}

// The focused element shows a focus indicator, and an outline has at least 3:1 against its backdrop.
export function focusProblem(focus: FocusIndicator): string | null {
  if (!focus.visible) return `${focus.element} shows no focus indicator (${focus.style})`;
  if (focus.contrast !== null && focus.contrast < 3) return `${focus.element}: focus outline contrast ${focus.contrast}:1 (${focus.style})`;
  return null;
}

export async function expectVisibleFocus(page: Page): Promise<void> {
  const problem = focusProblem(await focusedElementIndicator(page));
  expect(problem, "focus indicator").toBeNull();
}
