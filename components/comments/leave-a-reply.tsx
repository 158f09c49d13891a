import Link from "next/link";
import { getCurrentUser } from "@/lib/authz";
import { loginPathFor } from "@/lib/safe-redirect";

export async function LeaveAReply({ articleSlug, commentsOpen }: { articleSlug: string; commentsOpen: boolean }) {
  const user = commentsOpen ? await getCurrentUser() : null;
  return (
    <section className="leave-a-reply" id="respond" aria-labelledby="respond-heading">
      <h2 id="respond-heading">Leave a Reply</h2>
      {!commentsOpen ? (
        <p>Comments are closed.</p>
      ) : user ? (
        <p>You are signed in as {user.displayName}. Posting comments opens soon.</p>
      ) : (
        <p>
          You must be <Link href={loginPathFor(`/articles/${articleSlug}#respond`)}>logged in</Link> to post a comment.
        </p>
      )}
    </section>
  );
}
