import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

// WCAG 2.2 levels A and AA, with the 2.0 and 2.1 rules they include.
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

export const COLOR_SCHEMES = ["light", "dark"] as const;
export type ColorScheme = (typeof COLOR_SCHEMES)[number];

// axe's rules that read colours. The dark scheme changes nothing but colours (the
// `prefers-color-scheme: dark` blocks in app/globals.css and app/(studio)/dashboard/dashboard.css
// set colours only), so in it every other rule would repeat the light run's verdict.
export const COLOR_RULES = ["color-contrast", "link-in-text-block"];

// One line per failing element: rule, impact, selector and axe's own explanation, so a failure
// reads without opening the trace. `rules` narrows the run to those rules (all of them WCAG rules).
export async function axeViolations(page: Page, { rules }: { rules?: string[] } = {}): Promise<string[]> {
  // Only violations are read: axe then skips building selectors for every passing node, which
  // takes about a quarter of its run.
  const builder = new AxeBuilder({ page }).options({ resultTypes: ["violations"] });
  const results = await (rules ? builder.withRules(rules) : builder.withTags(WCAG_TAGS)).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? "unknown"}) at ${node.target.join(" ")}: ${violation.help}. ${node.failureSummary?.replace(/\s+/g, " ") ?? ""}`,
    ),
  );
}

// Checks the page as it is now: every WCAG rule in the light scheme, the colour rules again in the
// dark one (see COLOR_RULES). It leaves the page in the light scheme.
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    const violations = await axeViolations(page, colorScheme === "light" ? {} : { rules: COLOR_RULES });
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

// What the in-page probe is asked: the focused element's indicator; the same, recording the
// element as a Tab stop of the current sweep (`first` starts a new sweep); or every recorded stop
// focused again in turn.
type FocusProbeCommand = { kind: "focused" } | { kind: "tab-stop"; first: boolean } | { kind: "refocus-stops" };
type TabStop = { indicator: FocusIndicator; index: number };

// Runs in the page, so everything it uses is defined inside it. An element's focus indicator is
// an outline or a box-shadow ring under :focus-visible; for an outline it also measures the
// contrast with the colour behind it: the outline is drawn outside the element, over its parent's
// background (WCAG 2.4.7, 2.4.11, 1.4.11).
function focusProbe(command: FocusProbeCommand): FocusIndicator | TabStop | FocusIndicator[] {
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
  const indicatorOf = (element: Element | null): FocusIndicator => {
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
  };

  const sweep = window as unknown as { e2eTabStops?: Element[] };
  if (command.kind === "focused") return indicatorOf(document.activeElement);
  if (command.kind === "tab-stop") {
    if (command.first || !sweep.e2eTabStops) sweep.e2eTabStops = [];
    const element = document.activeElement;
    const indicator = indicatorOf(element);
    if (indicator.element === "body" || !element) return { indicator, index: -1 };
    let index = sweep.e2eTabStops.indexOf(element);
    if (index === -1) index = sweep.e2eTabStops.push(element) - 1;
    return { indicator, index };
  }
  return (sweep.e2eTabStops ?? []).map((element) => {
    (element as HTMLElement).focus();
    return indicatorOf(element);
  });
}

async function askFocusProbe(page: Page, command: FocusProbeCommand): Promise<FocusIndicator | TabStop | FocusIndicator[]> {
  return page.evaluate<FocusIndicator | TabStop | FocusIndicator[], FocusProbeCommand>(focusProbe, command);
}

// Whether the focused element shows a focus indicator, and for an outline its contrast.
export async function focusedElementIndicator(page: Page): Promise<FocusIndicator> {
  return (await askFocusProbe(page, { kind: "focused" })) as FocusIndicator;
}

// Presses Tab from where focus is (the top of a freshly loaded page) until focus comes back to the
// first element it reached or leaves the page, and returns each element's focus indicator as it
// was reached. The elements stay recorded in the page for `refocusTabStops`.
export async function tabThroughPage(page: Page, { maxPresses = 150 }: { maxPresses?: number } = {}): Promise<FocusIndicator[]> {
  const stops: FocusIndicator[] = [];
  for (let presses = 0; presses < maxPresses; presses += 1) {
    await page.keyboard.press("Tab");
    const { indicator, index } = (await askFocusProbe(page, { kind: "tab-stop", first: presses === 0 })) as TabStop;
    // Back at the start, or out of the page: every element has been visited.
    if (index === -1 || (index === 0 && presses > 0)) break;
    stops.push(indicator);
  }
  return stops;
}

// Focuses each element `tabThroughPage` reached, in the same order, and returns its indicator as
// drawn now: after a change that cannot move the Tab order (the colour scheme), a second sweep
// with the keyboard would reach the same elements, only more slowly. Focus moved by script after
// keyboard use still matches :focus-visible, so the indicators are the keyboard user's.
export async function refocusTabStops(page: Page): Promise<FocusIndicator[]> {
  return (await askFocusProbe(page, { kind: "refocus-stops" })) as FocusIndicator[];
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
