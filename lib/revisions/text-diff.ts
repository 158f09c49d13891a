import { diffLines, diffWordsWithSpace } from "diff";

// A readable diff of two article texts: changed lines are compared word by word, and long runs of
// unchanged lines are folded to a few lines of context. Pure data, so the page renders it as
// React elements (<ins>/<del>) and never as an HTML string.
export type DiffSegment =
  | { kind: "same" | "added" | "removed"; text: string }
  // Unchanged lines left out between two changes.
  | { kind: "folded"; lines: number };

const CONTEXT_LINES = 3;

function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines.map((line) => `${line}\n`);
}

function foldUnchanged(text: string, { first, last }: { first: boolean; last: boolean }): DiffSegment[] {
  const lines = splitLines(text);
  const head = first ? 0 : CONTEXT_LINES;
  const tail = last ? 0 : CONTEXT_LINES;
  if (lines.length <= head + tail + 1) return [{ kind: "same", text }];
  const segments: DiffSegment[] = [];
  if (head > 0) segments.push({ kind: "same", text: lines.slice(0, head).join("") });
  segments.push({ kind: "folded", lines: lines.length - head - tail });
  if (tail > 0) segments.push({ kind: "same", text: lines.slice(lines.length - tail).join("") });
  return segments;
}

function wordChanges(removed: string, added: string): DiffSegment[] {
  return diffWordsWithSpace(removed, added).map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "same",
    text: change.value,
  }));
}

// From `before` to `after`; an empty list when they are the same.
export function diffTexts(before: string, after: string): DiffSegment[] {
  if (before === after) return [];
  const changes = diffLines(before, after);
  const segments: DiffSegment[] = [];
  for (let index = 0; index < changes.length; index += 1) {
    const change = changes[index]!;
    const next = changes[index + 1];
    if (change.removed && next?.added) {
      segments.push(...wordChanges(change.value, next.value));
      index += 1;
    } else if (change.added || change.removed) {
      segments.push({ kind: change.added ? "added" : "removed", text: change.value });
    } else {
      segments.push(...foldUnchanged(change.value, { first: index === 0, last: index === changes.length - 1 }));
    }
  }
  return segments;
}
