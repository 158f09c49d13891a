import { roleLabels } from "@/components/admin/role-labels";
import { PlainText } from "@/components/ui/plain-text";
import type { SessionUser } from "@/db/queries/auth-users";
import type { QueueComment } from "@/db/queries/comment-moderation";
import { hasRole } from "@/lib/permissions";
import { DateTime } from "@/components/ui/date-time";
import { BULK_FORM_ID, type ModerationView } from "./moderation-view";
import { QueueItemActions, type QueueItemTarget } from "./queue-item-actions";
import { QueueItemReviewDetails, type QueueItemReview } from "./queue-item-review";

// Readers see only approved comments, so only those have an anchor to link to.
function articleHref(comment: QueueComment): string {
  const path = `/articles/${comment.article.slug}`;
  return comment.status === "approved" && !comment.deleted ? `${path}#comment-${comment.id}` : path;
}

// Moderators ban readers and authors; admins anyone but themselves (checked again on the server).
function banTargetFor(comment: QueueComment, viewer: SessionUser): QueueItemTarget["banTarget"] {
  const author = comment.author;
  if (!author || author.id === viewer.id) return null;
  if (!hasRole(viewer, "admin") && hasRole(author, "moderator")) return null;
  return { displayName: author.displayName, banned: author.ban !== null };
}

export function QueueItem({
  comment,
  view,
  viewer,
  review = { versions: [], reports: null },
}: {
  comment: QueueComment;
  view: ModerationView;
  viewer: SessionUser;
  review?: QueueItemReview;
}) {
  const headingId = `queue-comment-${comment.id}-heading`;
  const authorName = comment.author?.displayName ?? "Deleted user";
  const ban = comment.author?.ban ?? null;
  return (
    <li className="queue-item" id={`queue-comment-${comment.id}`}>
      <article aria-labelledby={headingId}>
        <header className="queue-item-header">
          <p className="queue-select">
            <input type="checkbox" id={`select-${comment.id}`} name="commentIds" value={comment.id} form={BULK_FORM_ID} />
            <label htmlFor={`select-${comment.id}`}>
              Select<span className="visually-hidden"> the comment by {authorName}, #{comment.id}</span>
            </label>
          </p>
          <h3 id={headingId}>
            {authorName}
            <span className="visually-hidden"> wrote comment #{comment.id}</span>
          </h3>
          <p className="queue-meta">
            {comment.author ? (
              <>
                <span className="admin-email">{comment.author.email}</span> · {roleLabels[comment.author.role]}
                {ban ? (
                  <>
                    {" · "}
                    <strong className="admin-banned queue-inline">
                      {ban.until ? (
                        <>
                          Banned until <DateTime date={ban.until} withTime />
                        </>
                      ) : (
                        "Banned permanently"
                      )}
                    </strong>
                  </>
                ) : null}
              </>
            ) : (
              "Account deleted"
            )}
          </p>
          <p className="queue-meta">
            <DateTime date={comment.createdAt} withTime />
            {comment.editedAt ? (
              <>
                {" "}
                (edited <DateTime date={comment.editedAt} withTime />)
              </>
            ) : null}{" "}
            · on <a href={articleHref(comment)}>{comment.article.title}</a>
            {comment.parentId !== null ? <> · in reply to comment #{comment.parentId}</> : null}
          </p>
          {comment.heldReason && comment.status !== "approved" ? (
            <p className="queue-held">
              {comment.status === "spam" ? "Sent to spam: " : "Held: "}
              {comment.heldReason}
            </p>
          ) : null}
          {comment.moderationNote && (comment.status === "spam" || comment.status === "trash") ? (
            <p className="queue-held">Reason given to the commenter: {comment.moderationNote}</p>
          ) : null}
        </header>
        <div className="queue-body comment-body">
          {comment.deleted ? (
            <p className="queue-deleted">Deleted by its author; kept as a placeholder for its replies.</p>
          ) : (
            <PlainText text={comment.body} />
          )}
        </div>
        <QueueItemReviewDetails review={review} />
        <QueueItemActions
          comment={{
            id: comment.id,
            articleId: comment.article.id,
            status: comment.status,
            canReply: (comment.status === "pending" || comment.status === "approved") && !comment.deleted,
            banTarget: banTargetFor(comment, viewer),
          }}
          view={view}
        />
      </article>
    </li>
  );
}
