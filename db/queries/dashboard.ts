import { and, count, desc, eq, gt, lte, or, sql, type SQL } from "drizzle-orm";
import { currentTime } from "../../lib/clock";
import { countPages, pageOffset, type Page } from "../../lib/pagination";
import { getDb } from "../client";
import { articleAutosaves, articles, users } from "../schema";
import { approvedCommentCount } from "./article-visibility";

// The author's dashboard: their articles (an admin's: everyone's), whatever their status.

export const dashboardFilters = ["all", "draft", "scheduled", "published"] as const;
export type DashboardFilter = (typeof dashboardFilters)[number];

export const DASHBOARD_PER_PAGE = 20;

export type DashboardArticle = {
  id: number;
  slug: string;
  title: string;
  // A scheduled article whose time has come counts as published.
  phase: "draft" | "scheduled" | "published";
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  approvedComments: number;
  pendingComments: number;
  hasPendingCopy: boolean;
  author: { id: number; displayName: string };
};

const pendingCommentCount = sql<number>`(
  select count(*) from comments
  where comments.article_id = ${articles.id} and comments.status = 'pending'
)`.mapWith(Number);

function filterCondition(filter: DashboardFilter, now: Date): SQL | undefined {
  switch (filter) {
    case "all":
      return undefined;
    case "draft":
      return eq(articles.status, "draft");
    case "scheduled":
      return and(eq(articles.status, "scheduled"), gt(articles.publishedAt, now));
    case "published":
      return or(eq(articles.status, "published"), and(eq(articles.status, "scheduled"), lte(articles.publishedAt, now)));
  }
}

function scope(authorId: number | null, filter: DashboardFilter, now: Date): SQL | undefined {
  return and(authorId === null ? undefined : eq(articles.authorId, authorId), filterCondition(filter, now));
}

// `authorId` null lists every author's articles (for admins). Most recently changed first.
export async function listDashboardArticles({
  authorId,
  filter = "all",
  page,
  perPage = DASHBOARD_PER_PAGE,
  now = currentTime(),
}: {
  authorId: number | null;
  filter?: DashboardFilter;
  page: number;
  perPage?: number;
  now?: Date;
}): Promise<Page<DashboardArticle>> {
  const db = getDb();
  const where = scope(authorId, filter, now);
  const total = db.select({ n: count() }).from(articles).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      status: articles.status,
      createdAt: articles.createdAt,
      updatedAt: articles.updatedAt,
      publishedAt: articles.publishedAt,
      approvedComments: approvedCommentCount,
      pendingComments: pendingCommentCount,
      pendingCopySavedAt: articleAutosaves.savedAt,
      author: { id: users.id, displayName: users.displayName },
    })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .leftJoin(articleAutosaves, eq(articleAutosaves.articleId, articles.id))
    .where(where)
    .orderBy(desc(articles.updatedAt), desc(articles.id))
    .limit(perPage)
    .offset(pageOffset(page, perPage))
    .all();
  const items = rows.map(({ status, pendingCopySavedAt, ...row }) => ({
    ...row,
    phase:
      status === "draft"
        ? ("draft" as const)
        : status === "scheduled" && row.publishedAt !== null && row.publishedAt.getTime() > now.getTime()
          ? ("scheduled" as const)
          : ("published" as const),
    hasPendingCopy: pendingCopySavedAt !== null,
  }));
  return { items, page, total, pageCount: countPages(total, perPage) };
}

// How many articles each filter shows, for the filter links.
export async function countDashboardArticles({
  authorId,
  now = currentTime(),
}: {
  authorId: number | null;
  now?: Date;
}): Promise<Record<DashboardFilter, number>> {
  const db = getDb();
  const counts = {} as Record<DashboardFilter, number>;
  for (const filter of dashboardFilters) {
    counts[filter] = db.select({ n: count() }).from(articles).where(scope(authorId, filter, now)).get()?.n ?? 0;
  }
  return counts;
}
