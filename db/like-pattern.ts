// A LIKE pattern matching `search` anywhere, case-folded, with %, _ and \ taken literally
// (use with `escape '\'`).
export function containsLikePattern(search: string): string {
  return `%${search.trim().toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}
