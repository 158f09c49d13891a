import Link from "next/link";
import type { DashboardFilter } from "@/db/queries/dashboard";
import { dashboardHref } from "./dashboard-href";

const filterLabels: Record<DashboardFilter, string> = {
  all: "All",
  draft: "Drafts",
  scheduled: "Scheduled",
  published: "Published",
};

// Plain links, so filtering works without JavaScript.
export function DashboardFilters({ current, counts }: { current: DashboardFilter; counts: Record<DashboardFilter, number> }) {
  return (
    <nav aria-label="Article status" className="dashboard-filters">
      <ul>
        {(Object.keys(filterLabels) as DashboardFilter[]).map((filter) => (
          <li key={filter}>
            <Link href={dashboardHref({ filter, page: 1 })} aria-current={filter === current ? "page" : undefined}>
              {filterLabels[filter]} ({counts[filter].toLocaleString("en-US")})
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
