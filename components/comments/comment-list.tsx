import { listApprovedComments, type ApprovedComment } from "@/db/queries/comments";
import { DateTime } from "@/components/ui/date-time";
import { PlainText } from "@/components/ui/plain-text";
import { buildCommentTree, type CommentNode } from "@/lib/comment-tree";

function CommentThread({ comments }: { comments: CommentNode<ApprovedComment>[] }) {
  return (
    <ol className="comment-thread">
      {comments.map((comment) => (
        <li key={comment.id}>
          <article className="comment" id={`comment-${comment.id}`}>
            <header className="comment-meta">
              <span className="comment-author">
                {comment.author ? comment.author.displayName : "Deleted user"}
              </span>
              {" · "}
              <a href={`#comment-${comment.id}`}>
                <DateTime date={comment.createdAt} />
              </a>
            </header>
            <div className="comment-body">
              <PlainText text={comment.body} />
            </div>
          </article>
          {comment.replies.length > 0 ? <CommentThread comments={comment.replies} /> : null}
        </li>
      ))}
    </ol>
  );
}

export async function CommentList({ articleId }: { articleId: number }) {
  const comments = await listApprovedComments({ articleId });
  return (
    <section className="comments" id="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">{comments.length === 0 ? "Comments" : `${comments.length} ${comments.length === 1 ? "Comment" : "Comments"}`}</h2>
      {comments.length === 0 ? (
        <p className="comments-empty">Be the first to comment</p>
      ) : (
        <CommentThread comments={buildCommentTree(comments)} />
      )}
    </section>
  );
}
