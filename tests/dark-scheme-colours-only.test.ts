import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The accessibility spec (e2e/accessibility.spec.ts) runs only axe's colour rules in the dark
// scheme and reuses the light scheme's Tab order there. That holds while the dark scheme changes
// colours and nothing else, which this test keeps true for every stylesheet.

const colourProperty = /^(--[\w-]+|color|background(-color)?|border(-(top|right|bottom|left))?-color|outline-color|text-decoration-color|caret-color|accent-color|fill|stroke)$/;

function stylesheets(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return stylesheets(full);
    return entry.name.endsWith(".css") ? [full] : [];
  });
}

// The text inside each `@media (prefers-color-scheme: dark) { … }`, braces matched.
function darkBlocks(css: string): string[] {
  const blocks: string[] = [];
  const opening = /@media[^{]*prefers-color-scheme:\s*dark[^{]*\{/g;
  for (let match = opening.exec(css); match; match = opening.exec(css)) {
    let depth = 1;
    let end = opening.lastIndex;
    while (depth > 0 && end < css.length) {
      if (css[end] === "{") depth += 1;
      if (css[end] === "}") depth -= 1;
      end += 1;
    }
    blocks.push(css.slice(opening.lastIndex, end - 1));
  }
  return blocks;
}

function declaredProperties(block: string): string[] {
  const withoutComments = block.replace(/\/\*[\s\S]*?\*\//g, "");
  return [...withoutComments.matchAll(/([\w-]+)\s*:[^;{}]*(;|(?=\}))/g)].map((match) => match[1]!);
}

describe("the dark colour scheme", () => {
  const files = ["app", "components"].flatMap((dir) => stylesheets(dir));

  it("is found in the stylesheets", () => {
    expect(files.some((file) => darkBlocks(fs.readFileSync(file, "utf8")).length > 0)).toBe(true);
  });

  it("sets colours only", () => {
    const others = files.flatMap((file) =>
      darkBlocks(fs.readFileSync(file, "utf8")).flatMap((block) =>
        declaredProperties(block)
          .filter((property) => !colourProperty.test(property))
          .map((property) => `${file}: ${property}`),
      ),
    );
    expect(others).toEqual([]);
  });
});
