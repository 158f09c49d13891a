import fs from "node:fs";
import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

// CI keeps only the last hundred lines or so of the run's output, and none of test-results/: after
// the summary, this prints what each failed test's page showed when it failed (the main landmark of
// the accessibility snapshot in Playwright's error-context.md, without link targets), so that a
// failure seen once there can be understood from the log.

const MAX_LINES_PER_FAILURE = 50;
const MAX_FAILURES_SHOWN = 3;

// The snapshot's `- main` subtree (the whole snapshot when the page has none), without `/url:` lines.
export function mainOfSnapshot(errorContext: string): string[] {
  const yaml = /```yaml\n([\s\S]*?)```/.exec(errorContext)?.[1];
  if (yaml === undefined) return ["(no page snapshot was recorded)"];
  const lines = yaml.split("\n").filter((line) => line.trim() !== "" && !/^\s*- \/url:/.test(line));
  const start = lines.findIndex((line) => /^\s*- main\b/.test(line));
  if (start === -1) return lines;
  const indent = /^\s*/.exec(lines[start] ?? "")?.[0].length ?? 0;
  const end = lines.findIndex((line, index) => index > start && (/^\s*/.exec(line)?.[0].length ?? 0) <= indent);
  return lines.slice(start, end === -1 ? undefined : end);
}

export default class FailureContextReporter implements Reporter {
  private readonly failures: string[][] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === "passed" || result.status === "skipped") return;
    const attachment = result.attachments.find((each) => each.name === "error-context" && each.path);
    let page = ["(no page snapshot was recorded)"];
    if (attachment?.path) {
      try {
        page = mainOfSnapshot(fs.readFileSync(attachment.path, "utf8"));
      } catch {
        page = [`(the page snapshot at ${attachment.path} could not be read)`];
      }
    }
    if (page.length > MAX_LINES_PER_FAILURE) page = [...page.slice(0, MAX_LINES_PER_FAILURE), `  … (${page.length - MAX_LINES_PER_FAILURE} more lines)`];
    const title = `[${test.parent.project()?.name ?? "?"}] ${test.location.file.split("/").pop()}:${test.location.line} ${test.title} (${result.status})`;
    this.failures.push([`=== ${title}`, ...page]);
  }

  onEnd(): void {
    if (this.failures.length === 0) return;
    const shown = this.failures.slice(0, MAX_FAILURES_SHOWN);
    const lines = ["", `What the page showed when each test failed (${shown.length} of ${this.failures.length}):`, ...shown.flat()];
    process.stdout.write(`${lines.join("\n")}\n`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
