import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DeleteCommentForm } from "@/components/comments/delete-comment-form";
import { EditCommentForm } from "@/components/comments/edit-comment-form";
import { DateTime } from "@/components/ui/date-time";
import { getOwnComment } from "@/db/queries/comments";
import { getSiteSettings } from "@/db/queries/site-settings";
import { requireUser } from "@/lib/authz";
import { isWithinEditWindow } from "@/lib/comments/comment-edit-window";
import { currentTime } from "@/lib/clock";

export const metadata: Metadata = { title: "Your comment", robots: { index: false } };

const statusLabels = {
  approved: "Published",
  pending: "Awaiting moderation",
  spam: "Removed by a moderator",
  trash: "Removed by a moderator",
} as const;

export default async function EditCommentPage({ params }: { params: Promise<{ id: string }> }) {
  const rawId = (await params).id;
  if (!/^\d{1,15}$/.test(rawId)) notFound();
  const commentId = Number(rawId);
  const user = await requireUser({ returnTo: `/comments/${commentId}/edit`, allowBanned: true });
  const [comment, settings] = await Promise.all([getOwnComment({ commentId, authorId: user.id }), getSiteSettings()]);
  if (!comment) redirect("/forbidden");
  if (comment.deleted) notFound();

  const removed = comment.status === "spam" || comment.status === "trash";
  const now = currentTime();
  const editable = !removed && !user.ban && isWithinEditWindow(comment.createdAt, settings.commentEditMinutes, now);
  const editableUntil = new Date(comment.createdAt.getTime() + settings.commentEditMinutes * 60_000);
  return (
    <div className="narrow-page">
      <h1>Your comment</h1>
      <p>
        On <Link href={`/articles/${comment.articleSlug}#comment-${comment.id}`}>{comment.articleTitle}</Link>, posted{" "}
        <DateTime date={comment.createdAt} withTime />. Status: {statusLabels[comment.status]}.
      </p>
      {removed ? (
        <p>A moderator removed this comment; it can no longer be changed.</p>
      ) : (
        <>
          <section aria-labelledby="edit-heading">
            <h2 id="edit-heading">Edit</h2>
            {editable ? (
              <>
                <p className="form-hint">
                  You can edit this comment until <DateTime date={editableUntil} withTime />.
                </p>
                <EditCommentForm commentId={comment.id} body={comment.body} />
              </>
            ) : (
              <p>The time for editing this comment has passed ({settings.commentEditMinutes} minutes after posting).</p>
            )}
          </section>
          <section aria-labelledby="delete-heading">
            <h2 id="delete-heading">Delete</h2>
            <DeleteCommentForm commentId={comment.id} hasReplies={comment.hasReplies} />
          </section>
        </>
      )}
    </div>
  );
}
