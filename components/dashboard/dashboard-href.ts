import { dashboardFilters, type DashboardFilter } from "@/db/queries/dashboard";

export const DASHBOARD_PATH = "/dashboard";

// "?status=draft|scheduled|published"; absent means all. Anything else is null (the page
// redirects to the plain dashboard).
export function parseDashboardFilter(value: string | string[] | undefined): DashboardFilter | null {
  if (value === undefined) return "all";
  if (typeof value !== "string" || value === "all") return null;
  return (dashboardFilters as readonly string[]).includes(value) ? (value as DashboardFilter) : null;
}

export function dashboardHref({ filter, page }: { filter: DashboardFilter; page: number }, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  if (filter !== "all") query.set("status", filter);
  if (page > 1) query.set("page", String(page));
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  const text = query.toString();
  return text ? `${DASHBOARD_PATH}?${text}` : DASHBOARD_PATH;
}

export function editArticleHref(articleId: number): string {
  return `/dashboard/articles/${articleId}/edit`;
}

export const NEW_ARTICLE_PATH = "/dashboard/articles/new";
