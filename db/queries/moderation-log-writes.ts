import type { Transaction } from "../client";
import { moderationLog, type CommentStatus, type ModerationAction } from "../schema";

export type ModerationLogRecord = {
  moderator: { id: number; displayName: string };
  action: ModerationAction;
  commentId?: number | null;
  articleId?: number | null;
  subjectUserId?: number | null;
  fromStatus?: CommentStatus | null;
  toStatus?: CommentStatus | null;
  detail?: string | null;
  // The command this row belongs to (see db/queries/moderation-undo.ts) and, for an undo, the row it reverts.
  batchId?: string | null;
  undoesId?: number | null;
};

// Written in the transaction that makes the change, so the log never disagrees with the data.
export function recordModeration(tx: Transaction, record: ModerationLogRecord): void {
  tx.insert(moderationLog)
    .values({
      moderatorId: record.moderator.id,
      moderatorName: record.moderator.displayName,
      action: record.action,
      commentId: record.commentId ?? null,
      articleId: record.articleId ?? null,
      subjectUserId: record.subjectUserId ?? null,
      fromStatus: record.fromStatus ?? null,
      toStatus: record.toStatus ?? null,
      detail: record.detail ?? null,
      batchId: record.batchId ?? null,
      undoesId: record.undoesId ?? null,
    })
    .run();
}
