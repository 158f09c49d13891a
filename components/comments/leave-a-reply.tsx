import { headers } from "next/headers";
import Link from "next/link";
import { getReplyTarget } from "@/db/queries/comments";
import { getCurrentUser } from "@/lib/authz";
import { formatBanMessage } from "@/lib/ban-message";
import { getDisplayTimeZone } from "@/lib/display-time-zone";
import { COMMENT_FORM_STATE_HEADER, commentPostPath, decodeCommentFormState } from "@/lib/comments/comment-form-state";
import { loginPathFor } from "@/lib/safe-redirect";
import { CommentForm } from "./comment-form";

type Props = {
  article: { id: number; slug: string; commentsOpen: boolean };
  // From ?replytocom=<id>: the reply form without JavaScript. Ignored for anonymous visitors, so
  // their page is the same whatever the query (it is cached under the bare path).
  replyToId: number | null;
};

export async function LeaveAReply({ article, replyToId }: Props) {
  const user = article.commentsOpen ? await getCurrentUser() : null;
  const replyTo =
    user && replyToId !== null ? await getReplyTarget({ articleId: article.id, commentId: replyToId }) : null;
  return (
    <section className="leave-a-reply" id="respond" aria-labelledby="respond-heading">
      <h2 id="respond-heading">Leave a Reply</h2>
      {!article.commentsOpen ? (
        <p>Comments are closed.</p>
      ) : !user ? (
        <p>
          You must be <Link href={loginPathFor(`/articles/${article.slug}#respond`)}>logged in</Link> to post a comment.
        </p>
      ) : (
        <CommentForm
          articleId={article.id}
          articleSlug={article.slug}
          signedInAs={user.displayName}
          initialReplyTo={replyTo ? { id: replyTo.id, name: replyTo.authorName } : null}
          // A banned reader still gets the form, so text typed before the ban is not lost.
          notice={user.ban ? formatBanMessage(user.ban, await getDisplayTimeZone()) : null}
          postPath={commentPostPath(article.slug)}
          // Set only by the custom server, when this page answers a refused JavaScript-off post.
          refusedState={decodeCommentFormState((await headers()).get(COMMENT_FORM_STATE_HEADER))}
        />
      )}
    </section>
  );
}
