export type Page<T> = { items: T[]; page: number; pageCount: number; total: number };

// "?page=" must be a plain positive integer; anything else is an unknown page (404).
export function parsePageNumber(raw: string | string[] | undefined): number | null {
  if (raw === undefined) return 1;
  if (Array.isArray(raw) || !/^[1-9][0-9]{0,5}$/.test(raw)) return null;
  return Number(raw);
}

export function countPages(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

export function pageOffset(page: number, perPage: number): number {
  return (page - 1) * perPage;
}
