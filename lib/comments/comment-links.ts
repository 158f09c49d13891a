// Finds the web addresses in a comment's plain text. The same scan decides how many links a
// comment has (for the moderation rules) and which parts are rendered as links, so the two agree.
// Every step is linear in the text's length: it runs on hostile input inside a write transaction.

// Punctuation that ends a sentence around an address rather than belonging to it, including the
// CJK full stops and brackets that follow addresses in Japanese or Chinese text without a space.
const cjkPunctuation = "「」『』（）【】〈〉《》。、，！？：；";
// An address runs until white space, markup-like characters or CJK punctuation, and stops where
// another address begins, so "https://a.example,https://b.example" counts as two links.
const candidate = new RegExp(
  `\\b(?:https?:\\/\\/|www\\.)(?:(?!https?:\\/\\/|[,;()]www\\.)[^\\s<>"${cjkPunctuation}])+`,
  "giu",
);
const trailing = new Set([...".,;:!?'\"*_]}>(", ...cjkPunctuation]);

export type TextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

function count(text: string, character: string): number {
  let total = 0;
  for (const each of text) if (each === character) total += 1;
  return total;
}

// Drops trailing punctuation, and a closing parenthesis the address did not open:
// "(see https://example.org/a)" links https://example.org/a; Wikipedia's "Foo_(bar)" keeps it.
function trimUrl(raw: string): string {
  let opened = count(raw, "(");
  let closed = count(raw, ")");
  let end = raw.length;
  while (end > 0) {
    const last = raw[end - 1] ?? "";
    if (last === ")" && closed > opened) {
      closed -= 1;
    } else if (trailing.has(last)) {
      if (last === "(") opened -= 1;
    } else {
      break;
    }
    end -= 1;
  }
  return raw.slice(0, end);
}

function toHref(text: string): string | null {
  const withScheme = /^www\./i.test(text) ? `https://${text}` : text;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (!url.hostname.includes(".")) return null;
    return url.href;
  } catch {
    return null;
  }
}

export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(candidate)) {
    const start = match.index;
    const urlText = trimUrl(match[0]);
    const href = toHref(urlText);
    if (!href) continue;
    if (start > last) parts.push({ kind: "text", text: text.slice(last, start) });
    parts.push({ kind: "link", text: urlText, href });
    last = start + urlText.length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

export function countLinks(text: string): number {
  return splitLinks(text).filter((part) => part.kind === "link").length;
}
