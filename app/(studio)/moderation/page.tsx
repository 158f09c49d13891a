import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { BulkActionsForm } from "@/components/moderation/bulk-actions-form";
import { doneMessageFor } from "@/components/moderation/moderation-commands";
import { ModerationTabs } from "@/components/moderation/moderation-tabs";
import {
  MODERATION_LOG_PATH,
  moderationHref,
  moderationTabs,
  parseModerationStatus,
} from "@/components/moderation/moderation-view";
import { QueueItem } from "@/components/moderation/queue-item";
import { QueueKeyboard } from "@/components/moderation/queue-keyboard";
import { UndoToast } from "@/components/moderation/undo-toast";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { countCommentsByStatus, listCommentsForModeration, TRASH_RETENTION_DAYS } from "@/db/queries/comment-moderation";
import { isModerationBatchId } from "@/db/queries/moderation-batch-id";
import { getUndoableBatch } from "@/db/queries/moderation-undo";
import { currentTime } from "@/lib/clock";
import { listCommentReportSummaries } from "@/db/queries/comment-reports";
import { listCommentVersions } from "@/db/queries/comment-versions";
import { requireRole } from "@/lib/authz";
import { parsePageNumber } from "@/lib/pagination";
import type { SearchParams } from "@/lib/route-params";
import "../admin/admin.css";
import "./moderation.css";
import "./queue-keyboard.css";

export const metadata: Metadata = { title: "Moderation", robots: { index: false } };

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

const emptyTabText = {
  pending: "No comments are waiting for moderation.",
  approved: "No approved comments yet.",
  spam: "No spam.",
  trash: "The Trash is empty.",
} as const;

export default async function ModerationPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const status = parseModerationStatus(params.status);
  const requestedPage = parsePageNumber(params.page);
  const viewer = await requireRole("moderator", {
    returnTo: moderationHref({ status, page: requestedPage ?? 1 }),
  });

  const done = { done: single(params.done), count: single(params.count), skipped: single(params.skipped) };
  const doneMessage = doneMessageFor(done);
  // The outcome message survives a correction of the page number.
  const kept: Record<string, string> = {};
  if (doneMessage) for (const [name, value] of Object.entries(done)) if (value !== undefined) kept[name] = value;
  // ?undo= names the command just made; its Undo is offered only while this moderator may use it.
  const undoParam = single(params.undo);
  if (doneMessage && undoParam !== undefined) kept.undo = undoParam;

  if (requestedPage === null) redirect(moderationHref({ status, page: 1 }, kept));
  const [listing, counts] = await Promise.all([
    listCommentsForModeration({ status, page: requestedPage }),
    countCommentsByStatus(),
  ]);
  // Past the end (the last comments of the last page were just moderated): the last page instead.
  if (requestedPage > listing.pageCount) redirect(moderationHref({ status, page: listing.pageCount }, kept));

  const commentIds = listing.items.map((comment) => comment.id);
  const [versions, reports] = await Promise.all([
    listCommentVersions({ commentIds }),
    listCommentReportSummaries({ commentIds }),
  ]);

  const view = { status, page: requestedPage };
  const now = currentTime();
  const undoable =
    doneMessage && isModerationBatchId(undoParam) ? await getUndoableBatch({ batchId: undoParam, moderatorId: viewer.id, now }) : null;
  const tabLabel = moderationTabs.find((tab) => tab.status === status)?.label ?? "Pending";

  return (
    <div className="moderation">
      <h1>Moderation</h1>
      <p className="moderation-links">
        Every action is recorded in the <Link href={MODERATION_LOG_PATH}>moderation log</Link>.
      </p>
      <ModerationTabs current={status} counts={counts} />
      {undoable && doneMessage ? (
        <UndoToast
          key={undoable.batchId}
          message={doneMessage}
          batchId={undoable.batchId}
          view={view}
          remainingMs={undoable.expiresAt.getTime() - now.getTime()}
        />
      ) : (
        <div aria-live="polite" role="status" className="admin-done">
          {doneMessage ? <p className="form-message form-message-ok">{doneMessage}</p> : null}
        </div>
      )}
      <QueueKeyboard view={view} />
      <h2 id="queue-heading">
        {tabLabel} comments
        {listing.pageCount > 1 ? `, page ${listing.page} of ${listing.pageCount}` : ""}
      </h2>
      {listing.items.length === 0 ? (
        <p>{emptyTabText[status]}</p>
      ) : (
        <>
          <BulkActionsForm view={view} />
          <ol className="queue-list">
            {listing.items.map((comment) => (
              <QueueItem
                key={comment.id}
                comment={comment}
                view={view}
                viewer={viewer}
                review={{ versions: versions.get(comment.id) ?? [], reports: reports.get(comment.id) ?? null }}
              />
            ))}
          </ol>
        </>
      )}
      <PaginationNav
        page={listing.page}
        pageCount={listing.pageCount}
        label={`${tabLabel} comment pages`}
        hrefForPage={(target) => moderationHref({ status, page: target })}
        previousText="← Previous page"
        nextText="Next page →"
      />
      {status === "trash" ? (
        <p className="form-hint">Comments in the Trash are deleted for good {TRASH_RETENTION_DAYS} days after they were trashed.</p>
      ) : null}
    </div>
  );
}
