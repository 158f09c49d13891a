// Turns what a visitor typed into an FTS5 query in which every word is searched as a word:
// each token is quoted as an FTS5 string (inner quotes doubled) and the strings are ANDed, so
// AND, OR, NOT, NEAR, quotes, parentheses, `*`, `^`, `:` and `-` are never operators.

export const maxSearchQueryLength = 1000;
export const maxSearchTokens = 16;
const maxTokenLength = 100;

// Control and format characters (NUL, escapes, zero-width and direction marks).
const controlCharacters = /[\p{Cc}\p{Cf}]/gu;
// FTS5's unicode61 tokenizer keeps letters, numbers and private-use characters; a token without
// any of them would be an empty phrase, so it is dropped.
const wordCharacter = /[\p{L}\p{N}\p{Co}]/u;

// The query as it is shown back to the visitor: no control characters, spaces collapsed, capped.
export function normalizeSearchInput(raw: string | string[] | undefined): string {
  const text = Array.isArray(raw) ? (raw[0] ?? "") : (raw ?? "");
  return text.slice(0, maxSearchQueryLength).replace(controlCharacters, " ").replace(/\s+/gu, " ").trim();
}

export function searchTokens(input: string): string[] {
  const tokens: string[] = [];
  for (const word of normalizeSearchInput(input).split(" ")) {
    if (!wordCharacter.test(word)) continue;
    const token = Array.from(word).slice(0, maxTokenLength).join("");
    if (!tokens.includes(token)) tokens.push(token);
    if (tokens.length === maxSearchTokens) break;
  }
  return tokens;
}

// The FTS5 MATCH expression for the input, or null when it has no word to search for.
export function toFtsQuery(input: string): string | null {
  const tokens = searchTokens(input);
  if (tokens.length === 0) return null;
  return tokens.map((token) => `"${token.replaceAll('"', '""')}"`).join(" AND ");
}

// snippet() wraps each matched word in these; the page turns them into <mark> elements.
export const highlightStart = "\uE000";
export const highlightEnd = "\uE001";

export type SnippetPart = { text: string; highlighted: boolean };

export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const start = rest.indexOf(highlightStart);
    if (start === -1) {
      parts.push({ text: rest, highlighted: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), highlighted: false });
    const end = rest.indexOf(highlightEnd, start + 1);
    const stop = end === -1 ? rest.length : end;
    const marked = rest.slice(start + 1, stop);
    if (marked) parts.push({ text: marked, highlighted: true });
    rest = end === -1 ? "" : rest.slice(end + 1);
  }
  return parts.map((part) => ({ ...part, text: part.text.replaceAll(highlightStart, "").replaceAll(highlightEnd, "") }));
}
