import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ModerationLogTable } from "@/components/moderation/moderation-log-table";
import { MODERATION_LOG_PATH, MODERATION_PATH } from "@/components/moderation/moderation-view";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { listModerationLog } from "@/db/queries/moderation-log";
import { requireRole } from "@/lib/authz";
import { parsePageNumber } from "@/lib/pagination";
import type { SearchParams } from "@/lib/route-params";
import "../../admin/admin.css";
import "../moderation.css";

export const metadata: Metadata = { title: "Moderation log", robots: { index: false } };

function logHref(page: number): string {
  return page > 1 ? `${MODERATION_LOG_PATH}?page=${page}` : MODERATION_LOG_PATH;
}

export default async function ModerationLogPage({ searchParams }: { searchParams: SearchParams }) {
  const requested = parsePageNumber((await searchParams).page);
  await requireRole("moderator", { returnTo: logHref(requested ?? 1) });
  if (requested === null) redirect(MODERATION_LOG_PATH);
  const log = await listModerationLog({ page: requested });
  if (requested > log.pageCount) redirect(logHref(log.pageCount));
  return (
    <div className="moderation">
      <h1>Moderation log</h1>
      <p className="moderation-links">
        Who did what to which comment, newest first. <Link href={MODERATION_PATH}>Back to the queue</Link>
      </p>
      {log.items.length === 0 ? (
        <p>Nothing has been moderated yet.</p>
      ) : (
        <ModerationLogTable
          entries={log.items}
          caption={`${log.total.toLocaleString("en-US")} ${log.total === 1 ? "entry" : "entries"}${log.pageCount > 1 ? `, page ${log.page} of ${log.pageCount}` : ""}`}
        />
      )}
      <PaginationNav
        page={log.page}
        pageCount={log.pageCount}
        label="Moderation log pages"
        hrefForPage={logHref}
        previousText="← Newer entries"
        nextText="Older entries →"
      />
    </div>
  );
}
