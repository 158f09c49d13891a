export function LeaveAReply({ commentsOpen }: { commentsOpen: boolean }) {
  return (
    <section className="leave-a-reply" id="respond" aria-labelledby="respond-heading">
      <h2 id="respond-heading">Leave a Reply</h2>
      {commentsOpen ? (
        <p>You must be logged in to post a comment. Signing in opens soon.</p>
      ) : (
        <p>Comments are closed.</p>
      )}
    </section>
  );
}
