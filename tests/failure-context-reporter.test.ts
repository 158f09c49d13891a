import { describe, expect, it } from "vitest";
import { mainOfSnapshot } from "../e2e/support/failure-context-reporter";

const errorContext = (yaml: string) => `# Error details\n\n\`\`\`\nError: timeout\n\`\`\`\n\n\`\`\`yaml\n${yaml}\`\`\`\n`;

describe("the e2e failure-context reporter", () => {
  it("keeps the main landmark of the page snapshot, without link targets", () => {
    const yaml = [
      '- link "Skip to content":',
      '  - /url: "#main"',
      "- main:",
      '  - heading "Edit article" [level=1]',
      '  - link "← Dashboard":',
      "    - /url: /dashboard",
      '  - status: "Choose a time in the future."',
      "- contentinfo:",
      '  - paragraph: "Footer"',
      "",
    ].join("\n");
    expect(mainOfSnapshot(errorContext(yaml))).toEqual(["- main:", '  - heading "Edit article" [level=1]', '  - link "← Dashboard":', '  - status: "Choose a time in the future."']);
  });

  it("keeps the whole snapshot when the page has no main landmark, and says when there is none", () => {
    expect(mainOfSnapshot(errorContext('- heading "Bare" [level=1]\n'))).toEqual(['- heading "Bare" [level=1]']);
    expect(mainOfSnapshot("# Error details\n\nno snapshot")).toEqual(["(no page snapshot was recorded)"]);
  });
});
