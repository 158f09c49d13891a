import type { Metadata } from "next";
import Link from "next/link";
import { commenterStatusText } from "@/components/comments/commenter-comment-status";
import { EditedMark } from "@/components/comments/edited-mark";
import { DateTime } from "@/components/ui/date-time";
import { PaginationNav } from "@/components/ui/pagination-nav";
import { listCommentsByCommenter } from "@/db/queries/comments";
import { requireUser } from "@/lib/authz";
import { requirePageNumber, type SearchParams } from "@/lib/route-params";

export const metadata: Metadata = { title: "Your comments", robots: { index: false } };

// By characters, not UTF-16 units, so an emoji is never cut in half.
function excerpt(body: string): string {
  const characters = [...body];
  return characters.length > 280 ? `${characters.slice(0, 280).join("")}…` : body;
}

// Every comment the signed-in user wrote, with what became of it.
export default async function AccountCommentsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser({ returnTo: "/account/comments", allowBanned: true });
  const page = await requirePageNumber(searchParams);
  const listing = await listCommentsByCommenter({ authorId: user.id, page });
  return (
    <div className="narrow-page">
      <p>
        <Link href="/account">← Your account</Link>
      </p>
      <h1>Your comments</h1>
      {listing.total === 0 ? (
        <p>You have not written any comments yet.</p>
      ) : (
        <ol className="own-comment-list">
          {listing.items.map((comment) => (
            <li key={comment.id} className="own-comment">
              <p className="comment-meta">
                On{" "}
                <Link href={`/articles/${comment.articleSlug}${comment.status === "approved" ? `#comment-${comment.id}` : ""}`}>
                  {comment.articleTitle}
                </Link>
                {" · "}
                <DateTime date={comment.createdAt} withTime />
                <EditedMark editedAt={comment.editedAt} />
              </p>
              <p className={`own-comment-status own-comment-status-${comment.status}`}>
                <span className="visually-hidden">Status: </span>
                {commenterStatusText(comment)}
              </p>
              <p className="own-comment-excerpt">{excerpt(comment.body)}</p>
              {comment.status === "approved" || comment.status === "pending" ? (
                <p>
                  <Link href={`/comments/${comment.id}/edit`}>Edit or delete</Link>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <PaginationNav
        page={page}
        pageCount={listing.pageCount}
        label="Comment pages"
        hrefForPage={(target) => (target === 1 ? "/account/comments" : `/account/comments?page=${target}`)}
        previousText="← Newer comments"
        nextText="Older comments →"
      />
    </div>
  );
}
