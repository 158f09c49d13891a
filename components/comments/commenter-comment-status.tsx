import type { CommenterComment } from "@/db/queries/comments";

// What a commenter is told about their own comment. A comment the rules sent to spam reads as
// held (a spammer learns nothing); one a moderator removed says so, with the reason given.
export function commenterStatusText(comment: Pick<CommenterComment, "status" | "heldReason" | "moderated" | "moderationNote">): string {
  const removed = comment.moderationNote ? `Removed by a moderator: ${comment.moderationNote}` : "Removed by a moderator";
  switch (comment.status) {
    case "approved":
      return "Approved";
    case "pending":
      if (comment.moderated) return "Awaiting moderation: a moderator returned it to the queue";
      return comment.heldReason ? `Awaiting moderation. Held for review: ${comment.heldReason}` : "Awaiting moderation";
    case "spam":
      return comment.moderated ? removed : "Awaiting moderation";
    case "trash":
      return removed;
  }
}
