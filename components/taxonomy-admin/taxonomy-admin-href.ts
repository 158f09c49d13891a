// Where the tag and publication lists are: their search and page travel with every link and form
// on the page, so an action (or a confirmation step) returns the admin to the same view.
export type AdminListContext = { q: string; page: number };

export const TAG_ADMIN_PATH = "/admin/tags";
export const PUBLICATION_ADMIN_PATH = "/admin/publications";

export function adminListHref(path: string, { q, page }: AdminListContext, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export const tagListHref = (context: AdminListContext, extra?: Record<string, string>) =>
  adminListHref(TAG_ADMIN_PATH, context, extra);

export const publicationListHref = (context: AdminListContext, extra?: Record<string, string>) =>
  adminListHref(PUBLICATION_ADMIN_PATH, context, extra);
