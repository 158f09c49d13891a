import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DashboardFilters } from "@/components/dashboard/dashboard-filters";
import { dashboardHref, DASHBOARD_PATH, NEW_ARTICLE_PATH, parseDashboardFilter } from "@/components/dashboard/dashboard-href";
import { DashboardTable } from "@/components/dashboard/dashboard-table";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { countDashboardArticles, listDashboardArticles, type DashboardFilter } from "@/db/queries/dashboard";
import { hasRole, requireRole } from "@/lib/authz";
import { savedMessageFor } from "@/lib/articles/editor-messages";
import { getDisplayTimeZone } from "@/lib/display-time-zone";
import { parsePageNumber } from "@/lib/pagination";
import type { SearchParams } from "@/lib/route-params";
import "../admin/admin.css";
import "./dashboard.css";

export const metadata: Metadata = { title: "Dashboard", robots: { index: false } };

const emptyText: Record<DashboardFilter, string> = {
  all: "No articles yet. Start one with “New article”.",
  draft: "No drafts.",
  scheduled: "Nothing is scheduled.",
  published: "Nothing published yet.",
};

const captionText: Record<DashboardFilter, string> = {
  all: "All articles",
  draft: "Drafts",
  scheduled: "Scheduled articles",
  published: "Published articles",
};

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const filter = parseDashboardFilter(params.status);
  const requestedPage = parsePageNumber(params.page);
  const user = await requireRole("author", {
    returnTo: filter === null || requestedPage === null ? DASHBOARD_PATH : dashboardHref({ filter, page: requestedPage }),
  });
  const savedParam = typeof params.saved === "string" ? params.saved : undefined;
  const savedMessage = savedMessageFor(savedParam);
  const kept: Record<string, string> = savedMessage && savedParam ? { saved: savedParam } : {};
  if (filter === null || requestedPage === null) redirect(dashboardHref({ filter: filter ?? "all", page: 1 }, kept));

  // Admins edit every article (lib/permissions.ts), so they see every author's.
  const everyone = hasRole(user, "admin");
  const authorId = everyone ? null : user.id;
  const [listing, counts, timeZone] = await Promise.all([
    listDashboardArticles({ authorId, filter, page: requestedPage }),
    countDashboardArticles({ authorId }),
    getDisplayTimeZone(),
  ]);
  if (requestedPage > listing.pageCount) redirect(dashboardHref({ filter, page: listing.pageCount }, kept));

  const caption = `${captionText[filter]}${everyone ? " by every author" : ""}${listing.pageCount > 1 ? `, page ${requestedPage} of ${listing.pageCount}` : ""}`;
  return (
    <div className="dashboard">
      <div className="dashboard-heading">
        <h1>{everyone ? "Articles" : "Your articles"}</h1>
        <Link href="/dashboard/media">Media</Link>
        <Link href={NEW_ARTICLE_PATH} className="button">
          New article
        </Link>
      </div>
      <div aria-live="polite" role="status" className="admin-done">
        {savedMessage ? <p className="form-message form-message-ok">{savedMessage}</p> : null}
      </div>
      <DashboardFilters current={filter} counts={counts} />
      {listing.items.length === 0 ? (
        <p>{emptyText[filter]}</p>
      ) : (
        <DashboardTable articles={listing.items} caption={caption} showAuthor={everyone} timeZone={timeZone} />
      )}
      <PaginationNav
        page={requestedPage}
        pageCount={listing.pageCount}
        label="Article pages"
        hrefForPage={(target) => dashboardHref({ filter, page: target })}
        previousText="← Previous page"
        nextText="Next page →"
      />
    </div>
  );
}
