import { notFound } from "next/navigation";
import { parsePageNumber } from "./pagination";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The page number of a listing, or a 404 for anything that is not a plain positive integer.
export async function requirePageNumber(searchParams: SearchParams): Promise<number> {
  const page = parsePageNumber((await searchParams).page);
  if (page === null) notFound();
  return page;
}

// A listing page past the last one does not exist (page 1 always does, even when empty).
export function requireExistingPage(page: number, pageCount: number): void {
  if (page > pageCount) notFound();
}
