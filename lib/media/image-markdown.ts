import { mediaReference } from "./media-reference";

// The Markdown the editor inserts for an uploaded image: `![alt](reference "caption")` in a
// paragraph of its own (so it renders as a figure). Brackets and quotes in the typed text are
// escaped so they cannot end the alt text or the caption early.
function escapeAlt(text: string): string {
  return text.replace(/\s+/g, " ").trim().replace(/[\\[\]]/g, (character) => `\\${character}`);
}

function escapeTitle(text: string): string {
  return text.replace(/\s+/g, " ").trim().replace(/["\\]/g, (character) => `\\${character}`);
}

export function imageMarkdown({
  media,
  alt,
  caption,
  decorative,
}: {
  media: { id: string; variants: readonly { width: number; height: number }[] };
  alt: string;
  caption: string;
  decorative: boolean;
}): string {
  const title = caption.trim() === "" ? "" : ` "${escapeTitle(caption)}"`;
  return `![${decorative ? "" : escapeAlt(alt)}](${mediaReference(media, { decorative })}${title})`;
}

// The body with `snippet` inserted as its own paragraph at `position` (the cursor).
export function insertParagraph(body: string, position: number, snippet: string): string {
  const at = Math.max(0, Math.min(position, body.length));
  const before = body.slice(0, at).replace(/\s+$/, "");
  const after = body.slice(at).replace(/^\s+/, "");
  return [before, snippet, after].filter((part) => part !== "").join("\n\n");
}
