// Where the user list is: its search and page travel with every link and form on the page, so
// an action (or the delete confirmation) returns the admin to the same view.
export type UserListContext = { q: string; page: number };

export const USER_LIST_PATH = "/admin/users";
export const MAX_SEARCH_LENGTH = 200;

export function userListHref({ q, page }: UserListContext, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const query = params.toString();
  return query ? `${USER_LIST_PATH}?${query}` : USER_LIST_PATH;
}
