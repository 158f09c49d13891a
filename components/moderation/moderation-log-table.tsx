import type { ModerationLogItem } from "@/db/queries/moderation-log";
import type { CommentStatus, ModerationAction } from "@/db/schema";
import { DateTime } from "@/components/ui/date-time";

const actionLabels: Record<ModerationAction, string> = {
  approve: "Approved",
  unapprove: "Unapproved",
  spam: "Marked as spam",
  "not-spam": "Not spam",
  trash: "Trashed",
  restore: "Restored",
  delete: "Deleted permanently",
  reply: "Replied",
  ban: "Banned the author",
  undo: "Undid",
};

const statusLabels: Record<CommentStatus, string> = { pending: "Pending", approved: "Approved", spam: "Spam", trash: "Trash" };

function Change({ entry }: { entry: ModerationLogItem }) {
  if (entry.action === "delete") return <>{entry.fromStatus ? statusLabels[entry.fromStatus] : "?"} → deleted</>;
  if (entry.fromStatus === null && entry.toStatus === null) return null;
  if (entry.fromStatus === null && entry.toStatus !== null) return <>new, {statusLabels[entry.toStatus]}</>;
  return (
    <>
      {entry.fromStatus ? statusLabels[entry.fromStatus] : "?"} → {entry.toStatus ? statusLabels[entry.toStatus] : "?"}
    </>
  );
}

// The comment as it can be reached now: an anchor while readers see it, its number otherwise.
function CommentCell({ entry }: { entry: ModerationLogItem }) {
  if (!entry.comment) return null;
  const { id, status } = entry.comment;
  if (status === "approved" && entry.article) {
    return <a href={`/articles/${entry.article.slug}#comment-${id}`}>#{id}</a>;
  }
  return (
    <>
      #{id}
      <span className="queue-muted">{status === null ? " (deleted)" : ` (now ${statusLabels[status].toLowerCase()})`}</span>
    </>
  );
}

export function ModerationLogTable({ entries, caption }: { entries: ModerationLogItem[]; caption: string }) {
  return (
    <div className="admin-table-scroll">
      <table className="admin-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Comment</th>
            <th scope="col">Article</th>
            <th scope="col">Status</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <DateTime date={entry.createdAt} withTime />
              </td>
              <td>{entry.moderatorName}</td>
              <th scope="row">{actionLabels[entry.action]}</th>
              <td>
                <CommentCell entry={entry} />
              </td>
              <td>{entry.article ? <a href={`/articles/${entry.article.slug}`}>{entry.article.title}</a> : null}</td>
              <td>
                <Change entry={entry} />
              </td>
              <td>
                {entry.subjectUser ? <span className="queue-block">User: {entry.subjectUser.displayName}</span> : null}
                {entry.detail}
                {entry.undoes ? <span className="queue-block">Undo of “{actionLabels[entry.undoes.action]}”</span> : null}
                {entry.undone ? <span className="queue-block">Undone</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
