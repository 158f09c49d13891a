import { DateTime } from "@/components/ui/date-time";
import { PlainText } from "@/components/ui/plain-text";
import type { CommentReportSummary } from "@/db/queries/comment-reports";
import type { CommentVersionEntry } from "@/db/queries/comment-versions";
import { commentReportReasonLabels } from "@/lib/comments/comment-report-reasons";

// What a moderator weighs beside a comment's current text: readers' reports and earlier texts.
export type QueueItemReview = {
  versions: readonly CommentVersionEntry[];
  reports: CommentReportSummary | null;
};

function readers(count: number): string {
  return count === 1 ? "1 reader" : `${count.toLocaleString("en-US")} readers`;
}

export function ReportSummary({ reports }: { reports: CommentReportSummary }) {
  return (
    <div className="queue-reports">
      <p className="queue-reports-total">
        <strong>Reported by {readers(reports.total)}</strong>
        {": "}
        {reports.reasons.map((entry) => `${commentReportReasonLabels[entry.reason]} (${entry.count})`).join(", ")}
      </p>
      <details className="queue-disclosure">
        <summary>Who reported it</summary>
        <ul className="queue-reporters">
          {reports.reporters.map((reporter) => (
            <li key={reporter.id}>
              {reporter.displayName}: {commentReportReasonLabels[reporter.reason]}, <DateTime date={reporter.createdAt} withTime />
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

// Earlier texts, oldest first; readers only ever see the current one.
export function EditHistory({ versions }: { versions: readonly CommentVersionEntry[] }) {
  return (
    <details className="queue-disclosure queue-history">
      <summary>Edit history ({versions.length})</summary>
      <ol className="queue-versions">
        {versions.map((version, index) => (
          <li key={index}>
            <p className="queue-meta">
              Written <DateTime date={version.writtenAt} withTime />, replaced <DateTime date={version.editedAt} withTime />
            </p>
            <div className="queue-version-body">
              <PlainText text={version.body} />
            </div>
          </li>
        ))}
      </ol>
    </details>
  );
}

export function QueueItemReviewDetails({ review }: { review: QueueItemReview }) {
  if (review.versions.length === 0 && !review.reports) return null;
  return (
    <div className="queue-review">
      {review.reports ? <ReportSummary reports={review.reports} /> : null}
      {review.versions.length > 0 ? <EditHistory versions={review.versions} /> : null}
    </div>
  );
}
