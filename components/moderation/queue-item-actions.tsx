"use client";

import { useActionState } from "react";
import { banCommentAuthorAction, moderateCommentsAction, replyFromQueueAction } from "@/app/(studio)/moderation/actions";
import type { CommentStatus } from "@/db/schema";
import { idleState } from "@/lib/actions/action-state";
import { BanAuthorForm } from "./ban-author-form";
import { CommentStatusForm } from "./comment-status-form";
import type { ModerationView } from "./moderation-view";
import { ReplyForm } from "./reply-form";

export type QueueItemTarget = {
  id: number;
  articleId: number;
  status: CommentStatus;
  // Only pending and approved comments that still have text can be answered.
  canReply: boolean;
  // Null when this moderator may not ban the author (themselves, a moderator or admin, a deleted account).
  banTarget: { displayName: string; banned: boolean } | null;
};

// One comment's actions. Reply and Ban are folded away; each opens by itself when its form has a
// result, so a refusal is visible after a full-page post without JavaScript too.
export function QueueItemActions({ comment, view }: { comment: QueueItemTarget; view: ModerationView }) {
  const [statusState, statusAction] = useActionState(moderateCommentsAction, idleState);
  const [replyState, replyAction] = useActionState(replyFromQueueAction, idleState);
  const [banState, banAction] = useActionState(banCommentAuthorAction, idleState);
  return (
    <div className="queue-actions">
      <CommentStatusForm commentId={comment.id} status={comment.status} view={view} state={statusState} action={statusAction} />
      {comment.canReply ? (
        <details className="queue-disclosure" open={replyState.status !== "idle" || undefined}>
          <summary>Reply</summary>
          <ReplyForm commentId={comment.id} articleId={comment.articleId} view={view} state={replyState} action={replyAction} />
        </details>
      ) : null}
      {comment.banTarget ? (
        <details className="queue-disclosure" open={banState.status !== "idle" || undefined}>
          <summary>{comment.banTarget.banned ? "Change ban" : "Ban author"}</summary>
          <BanAuthorForm
            commentId={comment.id}
            authorName={comment.banTarget.displayName}
            alreadyBanned={comment.banTarget.banned}
            view={view}
            state={banState}
            action={banAction}
          />
        </details>
      ) : null}
    </div>
  );
}
