import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { cacheTags } from "../../lib/cache-tags";
import { currentTime } from "../../lib/clock";
import { invalidateCacheTags } from "../cache-invalidation";
import { getDb, inWriteTransaction, type Db, type Transaction } from "../client";
import { comments, moderationLog, type CommentStatus } from "../schema";
import type { ModerationCommand } from "./comment-moderation";
import { newModerationBatchId } from "./moderation-batch-id";
import { recordModeration } from "./moderation-log-writes";

// A status command (single or bulk) can be taken back for this long after it was made, by the
// moderator who made it. Deleting for good cannot be undone. Measured from the log row's
// created_at (SQLite's clock, the system's) to currentTime(), which is the same clock unless a
// test moves it forward.
export const UNDO_WINDOW_MS = 60_000;

const undoableCommands = ["approve", "unapprove", "spam", "not-spam", "trash", "restore"] as const satisfies readonly ModerationCommand[];
export type UndoableCommand = (typeof undoableCommands)[number];

function isUndoable(action: string): action is UndoableCommand {
  return (undoableCommands as readonly string[]).includes(action);
}

function asStatus(value: string | null): CommentStatus | null {
  return value === "pending" || value === "approved" || value === "spam" || value === "trash" ? value : null;
}

type BatchRow = {
  id: number;
  moderatorId: number | null;
  action: string;
  commentId: number | null;
  articleId: number | null;
  fromStatus: string | null;
  toStatus: string | null;
  createdAt: Date;
};

function loadBatch(db: Db | Transaction, batchId: string): BatchRow[] {
  return db
    .select({
      id: moderationLog.id,
      moderatorId: moderationLog.moderatorId,
      action: moderationLog.action,
      commentId: moderationLog.commentId,
      articleId: moderationLog.articleId,
      fromStatus: moderationLog.fromStatus,
      toStatus: moderationLog.toStatus,
      createdAt: moderationLog.createdAt,
    })
    .from(moderationLog)
    .where(eq(moderationLog.batchId, batchId))
    .orderBy(asc(moderationLog.id))
    .all();
}

function alreadyUndone(db: Db | Transaction, rows: readonly BatchRow[]): boolean {
  const undo = db
    .select({ id: moderationLog.id })
    .from(moderationLog)
    .where(
      inArray(
        moderationLog.undoesId,
        rows.map((row) => row.id),
      ),
    )
    .limit(1)
    .get();
  return undo !== undefined;
}

export type UndoRefusal = "not-found" | "not-yours" | "not-undoable" | "expired" | "already-undone" | "changed";

type CheckedBatch = { ok: true; command: UndoableCommand; rows: BatchRow[]; madeAt: Date } | { ok: false; reason: UndoRefusal };

// Everything that can be decided from the log alone: the batch exists, is this moderator's, is a
// status command, is less than a minute old and was not undone yet.
function checkBatch(db: Db | Transaction, batchId: string, moderatorId: number, now: Date): CheckedBatch {
  const rows = loadBatch(db, batchId);
  const first = rows[0];
  if (!first) return { ok: false, reason: "not-found" };
  if (first.moderatorId !== moderatorId) return { ok: false, reason: "not-yours" };
  const command = first.action;
  if (!isUndoable(command) || rows.some((row) => row.action !== command)) return { ok: false, reason: "not-undoable" };
  if (now.getTime() - first.createdAt.getTime() > UNDO_WINDOW_MS) return { ok: false, reason: "expired" };
  if (alreadyUndone(db, rows)) return { ok: false, reason: "already-undone" };
  return { ok: true, command, rows, madeAt: first.createdAt };
}

export type UndoableBatch = { batchId: string; command: UndoableCommand; count: number; expiresAt: Date };

// What the queue offers to undo after a command's redirect (?undo=): null when it may not be
// undone any more, so no Undo button is shown.
export async function getUndoableBatch({
  batchId,
  moderatorId,
  now = currentTime(),
}: {
  batchId: string;
  moderatorId: number;
  now?: Date;
}): Promise<UndoableBatch | null> {
  const checked = checkBatch(getDb(), batchId, moderatorId, now);
  if (!checked.ok) return null;
  return {
    batchId,
    command: checked.command,
    count: checked.rows.length,
    expiresAt: new Date(checked.madeAt.getTime() + UNDO_WINDOW_MS),
  };
}

export type UndoResult =
  | { ok: true; command: UndoableCommand; restoredIds: number[] }
  | { ok: false; reason: UndoRefusal; changedIds?: number[] };

type CurrentComment = {
  status: CommentStatus;
  previousStatus: CommentStatus | null;
  moderatedAt: Date | null;
  updatedAt: Date;
};

// Whether anyone (another moderator, the commenter editing it, a reply from the queue) changed
// the comment after the batch did; then putting it back would overwrite their change.
function changedSince(tx: Transaction, row: BatchRow, comment: CurrentComment | undefined): boolean {
  if (!comment || comment.status !== row.toStatus) return true;
  // A command sets both to the same instant; any other write (the commenter's edit) moves updatedAt only.
  if (comment.updatedAt.getTime() !== comment.moderatedAt?.getTime()) return true;
  const later = tx
    .select({ id: moderationLog.id })
    .from(moderationLog)
    .where(and(eq(moderationLog.commentId, row.commentId ?? -1), gt(moderationLog.id, row.id)))
    .limit(1)
    .get();
  return later !== undefined;
}

// Where "Not spam" and "Restore" will later send a comment, by the same rule as a command: set
// when it goes back to spam or trash from the queue or the site, kept between spam and trash.
function previousStatusAfter(current: CurrentComment, target: CommentStatus): CommentStatus | null {
  if (target === "pending" || target === "approved") return null;
  if (current.status === "pending" || current.status === "approved") return current.status;
  return current.previousStatus;
}

// Puts every comment of a batch back to the status it had before, all or nothing, in one
// transaction: refused when the batch is not this moderator's, is older than a minute, was undone
// already, or when any of its comments changed since. Logs one "undo" row per comment, naming
// the row it reverts, and invalidates the articles whose readers see a difference.
export async function undoModerationBatch({
  moderator,
  batchId,
  now = currentTime(),
}: {
  moderator: { id: number; displayName: string };
  batchId: string;
  now?: Date;
}): Promise<UndoResult> {
  return inWriteTransaction((tx): UndoResult => {
    const checked = checkBatch(tx, batchId, moderator.id, now);
    if (!checked.ok) return checked;
    const plan: { row: BatchRow; commentId: number; articleId: number; from: CommentStatus; back: CommentStatus; current: CurrentComment }[] = [];
    const changedIds: number[] = [];
    for (const row of checked.rows) {
      const back = asStatus(row.fromStatus);
      if (row.commentId === null || row.articleId === null || back === null) return { ok: false, reason: "not-undoable" };
      const current = tx
        .select({
          status: comments.status,
          previousStatus: comments.previousStatus,
          moderatedAt: comments.moderatedAt,
          updatedAt: comments.updatedAt,
        })
        .from(comments)
        .where(eq(comments.id, row.commentId))
        .get();
      if (!current || changedSince(tx, row, current)) {
        changedIds.push(row.commentId);
        continue;
      }
      plan.push({ row, commentId: row.commentId, articleId: row.articleId, from: current.status, back, current });
    }
    if (changedIds.length > 0) return { ok: false, reason: "changed", changedIds };

    const undoBatchId = newModerationBatchId();
    const touchedArticles = new Set<number>();
    for (const step of plan) {
      tx.update(comments)
        .set({
          status: step.back,
          previousStatus: previousStatusAfter(step.current, step.back),
          // A removal reason belongs to the removal being undone; a comment sent back to spam or
          // trash keeps whatever note it has.
          ...(step.back === "spam" || step.back === "trash" ? {} : { moderationNote: null }),
          moderatedById: moderator.id,
          moderatedAt: now,
          updatedAt: now,
        })
        .where(eq(comments.id, step.commentId))
        .run();
      if (step.from === "approved" || step.back === "approved") touchedArticles.add(step.articleId);
      recordModeration(tx, {
        moderator,
        action: "undo",
        commentId: step.commentId,
        articleId: step.articleId,
        fromStatus: step.from,
        toStatus: step.back,
        batchId: undoBatchId,
        undoesId: step.row.id,
      });
    }
    invalidateCacheTags(
      tx,
      [...touchedArticles].map((articleId) => cacheTags.article(articleId)),
    );
    return { ok: true, command: checked.command, restoredIds: plan.map((step) => step.commentId) };
  });
}
