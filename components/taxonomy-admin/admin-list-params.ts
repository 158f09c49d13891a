import type { SearchParams } from "@/lib/route-params";
import { SEARCH_MAX_LENGTH } from "./taxonomy-input";

type Params = Awaited<SearchParams>;

export function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

// A positive id from the query (?merge=, ?delete=, ?edit=), or null.
export function idParam(value: string | string[] | undefined): number | null {
  const text = single(value);
  return text && /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : null;
}

export function searchParam(params: Params): string {
  return (single(params.q) ?? "").trim().slice(0, SEARCH_MAX_LENGTH);
}

// The query to come back to after signing in (the one-off ?done= message is left out).
export function returnQuery(params: Params): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (name === "done" || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) query.append(name, item);
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}

export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}
