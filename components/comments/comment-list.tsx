import Link from "next/link";
import { EditedMark } from "@/components/comments/edited-mark";
import { DateTime } from "@/components/ui/date-time";
import { listCommentsReportedBy } from "@/db/queries/comment-reports";
import { listArticleComments, type ArticleComment } from "@/db/queries/comments";
import { getSiteSettings } from "@/db/queries/site-settings";
import type { SessionUser } from "@/db/queries/auth-users";
import { getCurrentUser } from "@/lib/authz";
import { isWithinEditWindow } from "@/lib/comments/comment-edit-window";
import { buildCommentTree, pruneDeletedLeaves, type CommentNode } from "@/lib/comment-tree";
import { loginPathFor } from "@/lib/safe-redirect";
import { CommentText } from "./comment-text";
import { ReportCommentForm } from "./report-comment-form";
import { currentTime } from "@/lib/clock";

type ArticleRef = { id: number; slug: string; title: string; commentsOpen: boolean };

type ThreadContext = {
  article: ArticleRef;
  viewer: SessionUser | null;
  editMinutes: number;
  now: Date;
  // The comments on this article the viewer has reported (empty for anonymous visitors).
  reportedByViewer: ReadonlySet<number>;
};

export function commentsHeading(count: number, title: string): string {
  return count === 1 ? `One thought on “${title}”` : `${count} thoughts on “${title}”`;
}

function CommentAuthor({ author }: { author: ArticleComment["author"] }) {
  if (!author) return <span className="comment-author">Deleted user</span>;
  return author.hasAuthorPage ? (
    <Link className="comment-author" href={`/authors/${author.slug}`}>
      {author.displayName}
    </Link>
  ) : (
    <span className="comment-author">{author.displayName}</span>
  );
}

function CommentActions({ comment, context }: { comment: ArticleComment; context: ThreadContext }) {
  const { article, viewer, editMinutes, now, reportedByViewer } = context;
  const replyPath = `/articles/${article.slug}?replytocom=${comment.id}#respond`;
  const canReply = article.commentsOpen && comment.status === "approved" && !viewer?.ban;
  const isOwn = viewer !== null && comment.author?.id === viewer.id;
  // Only signed-in readers (whose pages are never cached) see the report control, so the anonymous
  // page stays the same for everyone.
  const canReport = viewer !== null && !viewer.ban && !isOwn && comment.status === "approved";
  if (comment.status === "removed") return null;
  if (!canReply && !isOwn && !canReport) return null;
  return (
    <div className="comment-actions">
      {canReply ? (
        viewer ? (
          <a
            href={replyPath}
            data-reply-to={comment.id}
            data-reply-name={comment.author?.displayName ?? "Deleted user"}
            aria-label={`Reply to ${comment.author?.displayName ?? "Deleted user"}`}
          >
            Reply
          </a>
        ) : (
          <Link href={loginPathFor(replyPath)}>Log in to Reply</Link>
        )
      ) : null}
      {isOwn ? (
        <Link href={`/comments/${comment.id}/edit`}>
          {isWithinEditWindow(comment.createdAt, editMinutes, now) ? "Edit" : "Delete"}
        </Link>
      ) : null}
      {canReport ? (
        <ReportCommentForm
          commentId={comment.id}
          authorName={comment.author?.displayName ?? "Deleted user"}
          alreadyReported={reportedByViewer.has(comment.id)}
        />
      ) : null}
    </div>
  );
}

function CommentEntry({ comment, context }: { comment: ArticleComment; context: ThreadContext }) {
  if (comment.deleted) {
    return (
      <article className="comment comment-deleted" id={`comment-${comment.id}`}>
        <p>This comment was deleted.</p>
      </article>
    );
  }
  return (
    <article className={`comment comment-${comment.status}`} id={`comment-${comment.id}`}>
      <header className="comment-meta">
        <CommentAuthor author={comment.author} />
        {" · "}
        <a href={`#comment-${comment.id}`} className="comment-permalink">
          <DateTime date={comment.createdAt} withTime />
        </a>
        <EditedMark editedAt={comment.editedAt} />
      </header>
      {comment.status === "pending" ? (
        <p className="comment-awaiting">
          Your comment is awaiting moderation.{comment.heldReason ? ` Held for review: ${comment.heldReason}.` : ""}
        </p>
      ) : null}
      {comment.status === "removed" ? (
        <p className="comment-removed-notice">
          {comment.removalNote
            ? `Your comment was removed by a moderator: ${comment.removalNote}`
            : "Your comment was removed by a moderator."}
        </p>
      ) : null}
      <div className="comment-body">
        <CommentText text={comment.body} />
      </div>
      <CommentActions comment={comment} context={context} />
    </article>
  );
}

function CommentThread({ comments, context }: { comments: CommentNode<ArticleComment>[]; context: ThreadContext }) {
  return (
    <ol className="comment-thread">
      {comments.map((comment) => (
        <li key={comment.id}>
          <CommentEntry comment={comment} context={context} />
          {comment.replies.length > 0 ? <CommentThread comments={comment.replies} context={context} /> : null}
        </li>
      ))}
    </ol>
  );
}

// Approved comments for everyone; a signed-in commenter also sees their own comments awaiting
// moderation. Anonymous visitors all get the same markup, so the page stays cacheable.
export async function CommentList({ article }: { article: ArticleRef }) {
  const viewer = await getCurrentUser();
  const [comments, settings, reportedByViewer] = await Promise.all([
    listArticleComments({ articleId: article.id, viewerId: viewer?.id ?? null }),
    getSiteSettings(),
    viewer ? listCommentsReportedBy({ articleId: article.id, reporterId: viewer.id }) : new Set<number>(),
  ]);
  const tree = pruneDeletedLeaves(buildCommentTree(comments));
  const approvedCount = comments.filter((comment) => comment.status === "approved" && !comment.deleted).length;
  const context: ThreadContext = {
    article,
    viewer,
    editMinutes: settings.commentEditMinutes,
    now: currentTime(),
    reportedByViewer,
  };
  return (
    <section className="comments" id="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{approvedCount === 0 ? "Comments" : commentsHeading(approvedCount, article.title)}</h2>
      {tree.length === 0 ? <p className="comments-empty">Be the first to comment</p> : <CommentThread comments={tree} context={context} />}
    </section>
  );
}
