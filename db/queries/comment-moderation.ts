import { and, asc, count, desc, eq, lt, sql } from "drizzle-orm";
import { activeBan, type ActiveBan } from "../../lib/bans";
import { cacheTags } from "../../lib/cache-tags";
import { countPages, pageOffset, type Page } from "../../lib/pagination";
import { hasRole } from "../../lib/permissions";
import { invalidateCacheTags } from "../cache-invalidation";
import { getDb, inWriteTransaction, type Db, type Transaction } from "../client";
import { articles, comments, moderationLog, users, type CommentStatus, type UserRole } from "../schema";
import { clearCommentReports } from "./comment-reports";
import { recordModeration } from "./moderation-log-writes";
import { newModerationBatchId } from "./moderation-batch-id";
import { currentTime } from "../../lib/clock";

export const MODERATION_PAGE_SIZE = 20;
export const TRASH_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type QueueComment = {
  id: number;
  parentId: number | null;
  // Empty when the commenter deleted it and it stays as a placeholder for its replies.
  body: string;
  deleted: boolean;
  status: CommentStatus;
  heldReason: string | null;
  // The reason given when it was sent to spam or trash.
  moderationNote: string | null;
  createdAt: Date;
  editedAt: Date | null;
  moderatedAt: Date | null;
  article: { id: number; slug: string; title: string };
  // Null when the commenter's account was deleted and the comment kept.
  author: {
    id: number;
    displayName: string;
    email: string;
    role: UserRole;
    ban: ActiveBan | null;
  } | null;
};

// A queue is worked through oldest first; the other tabs show the latest decisions first.
function queueOrder(status: CommentStatus) {
  return status === "pending"
    ? [asc(comments.createdAt), asc(comments.id)]
    : [desc(comments.createdAt), desc(comments.id)];
}

export async function listCommentsForModeration({
  status,
  page,
  now = currentTime(),
}: {
  status: CommentStatus;
  page: number;
  now?: Date;
}): Promise<Page<QueueComment>> {
  const db = getDb();
  const total = await db.$count(comments, eq(comments.status, status));
  const rows = db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      body: comments.body,
      deletedAt: comments.deletedAt,
      status: comments.status,
      heldReason: comments.heldReason,
      moderationNote: comments.moderationNote,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
      moderatedAt: comments.moderatedAt,
      articleId: articles.id,
      articleSlug: articles.slug,
      articleTitle: articles.title,
      authorId: users.id,
      authorName: users.displayName,
      authorEmail: users.email,
      authorRole: users.role,
      bannedAt: users.bannedAt,
      bannedUntil: users.bannedUntil,
      banReason: users.banReason,
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.status, status))
    .orderBy(...queueOrder(status))
    .limit(MODERATION_PAGE_SIZE)
    .offset(pageOffset(page, MODERATION_PAGE_SIZE))
    .all();
  const items = rows.map((row): QueueComment => ({
    id: row.id,
    parentId: row.parentId,
    body: row.body,
    deleted: row.deletedAt !== null,
    status: row.status,
    heldReason: row.heldReason,
    moderationNote: row.moderationNote,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    moderatedAt: row.moderatedAt,
    article: { id: row.articleId, slug: row.articleSlug, title: row.articleTitle },
    author:
      row.authorId !== null && row.authorName !== null && row.authorEmail !== null && row.authorRole !== null
        ? { id: row.authorId, displayName: row.authorName, email: row.authorEmail, role: row.authorRole, ban: activeBan(row, now) }
        : null,
  }));
  return { items, page, total, pageCount: countPages(total, MODERATION_PAGE_SIZE) };
}

export async function countCommentsByStatus(): Promise<Record<CommentStatus, number>> {
  const counts: Record<CommentStatus, number> = { pending: 0, approved: 0, spam: 0, trash: 0 };
  const rows = getDb().select({ status: comments.status, n: count() }).from(comments).groupBy(comments.status).all();
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

// Shown in the header of every page a moderator sees, so it must stay a bare index count.
export async function countPendingComments(): Promise<number> {
  return getDb().$count(comments, eq(comments.status, "pending"));
}

export const moderationCommands = ["approve", "unapprove", "spam", "not-spam", "trash", "restore", "delete"] as const;
export type ModerationCommand = (typeof moderationCommands)[number];

type Moderator = { id: number; displayName: string };

// Where a command takes a comment from each status it applies to; statuses left out are skipped.
// "Not spam" and "Restore" put a comment back where it was before (previousStatus) when that was
// pending or approved, and in the queue otherwise. Deleting is only for spam and trash.
function targetStatus(
  command: ModerationCommand,
  current: { status: CommentStatus; previousStatus: CommentStatus | null },
): CommentStatus | "deleted" | null {
  const putBack = current.previousStatus === "approved" || current.previousStatus === "pending" ? current.previousStatus : "pending";
  switch (command) {
    case "approve":
      return current.status === "pending" ? "approved" : null;
    case "unapprove":
      return current.status === "approved" ? "pending" : null;
    case "spam":
      return current.status === "spam" ? null : "spam";
    case "trash":
      return current.status === "trash" ? null : "trash";
    case "not-spam":
      return current.status === "spam" ? putBack : null;
    case "restore":
      return current.status === "trash" ? putBack : null;
    case "delete":
      return current.status === "spam" || current.status === "trash" ? "deleted" : null;
  }
}

type StoredComment = {
  id: number;
  articleId: number;
  parentId: number | null;
  status: CommentStatus;
  previousStatus: CommentStatus | null;
};

function loadComment(tx: Transaction, id: number): StoredComment | undefined {
  return tx
    .select({
      id: comments.id,
      articleId: comments.articleId,
      parentId: comments.parentId,
      status: comments.status,
      previousStatus: comments.previousStatus,
    })
    .from(comments)
    .where(eq(comments.id, id))
    .get();
}

// The foreign key would delete a comment's replies with it (on delete cascade): they move up to
// its own parent first. Returns whether an approved reply moved, which changes the thread readers see.
function removeComment(tx: Transaction, comment: Pick<StoredComment, "id" | "parentId">): boolean {
  const moved = tx
    .update(comments)
    .set({ parentId: comment.parentId })
    .where(eq(comments.parentId, comment.id))
    .returning({ status: comments.status })
    .all();
  tx.delete(comments).where(eq(comments.id, comment.id)).run();
  return moved.some((reply) => reply.status === "approved");
}

export type ModerationOutcome = {
  // The comments the command changed, in the order given.
  changedIds: number[];
  // Comments that no longer exist or to which the command does not apply (already moderated).
  skipped: number;
};

// One transaction for the whole batch, one log row per changed comment. Only a move into or out
// of "approved" (or a deletion that re-threads approved replies) changes what readers see, and
// then only that article's pages are invalidated.
export async function moderateComments({
  moderator,
  commentIds,
  action,
  note = null,
  now = currentTime(),
  batchId = newModerationBatchId(),
}: {
  moderator: Moderator;
  commentIds: readonly number[];
  action: ModerationCommand;
  // The reason given for sending comments to spam or trash, shown to their authors.
  note?: string | null;
  now?: Date;
  // Names this command's log rows, so it can be undone (the caller makes it to offer the undo).
  batchId?: string;
}): Promise<ModerationOutcome> {
  const ids = [...new Set(commentIds)];
  return inWriteTransaction((tx) => {
    const changedIds: number[] = [];
    const touchedArticles = new Set<number>();
    // Read one by one inside the batch: deleting a comment re-threads its replies, which may be
    // later in the same batch.
    for (const id of ids) {
      const comment = loadComment(tx, id);
      if (!comment) continue;
      const target = targetStatus(action, comment);
      if (target === null) continue;
      if (target === "deleted") {
        if (removeComment(tx, comment)) touchedArticles.add(comment.articleId);
      } else {
        const leavingForSpamOrTrash = (target === "spam" || target === "trash") && (comment.status === "pending" || comment.status === "approved");
        const comingBack = target === "pending" || target === "approved";
        const removing = target === "spam" || target === "trash";
        tx.update(comments)
          .set({
            status: target,
            // Kept while a comment moves between spam and trash, so it still goes back to where it was.
            previousStatus: leavingForSpamOrTrash ? comment.status : comingBack ? null : comment.previousStatus,
            moderatedById: moderator.id,
            moderatedAt: now,
            updatedAt: now,
            // Between spam and trash without a new reason, the one given first stays.
            moderationNote: removing ? (note ?? (leavingForSpamOrTrash ? null : comments.moderationNote)) : null,
          })
          .where(eq(comments.id, comment.id))
          .run();
        // Approval after review dismisses the readers' reports that sent it back.
        if (target === "approved") clearCommentReports(tx, comment.id);
        if (comment.status === "approved" || target === "approved") touchedArticles.add(comment.articleId);
      }
      recordModeration(tx, {
        moderator,
        action,
        commentId: comment.id,
        articleId: comment.articleId,
        fromStatus: comment.status,
        toStatus: target === "deleted" ? null : target,
        detail: target === "deleted" ? "deleted permanently" : note !== null && (target === "spam" || target === "trash") ? `reason: ${note}` : null,
        batchId,
      });
      changedIds.push(comment.id);
    }
    invalidateCacheTags(
      tx,
      [...touchedArticles].map((articleId) => cacheTags.article(articleId)),
    );
    return { changedIds, skipped: ids.length - changedIds.length };
  });
}

// Trash is kept for TRASH_RETENTION_DAYS after it was trashed, then removed for good. The server
// calls this at start-up and daily, on its own connection.
export async function purgeOldTrash({
  olderThan = new Date(Date.now() - TRASH_RETENTION_DAYS * DAY_MS),
  db,
}: { olderThan?: Date; db?: Db } = {}): Promise<number> {
  return inWriteTransaction((tx) => {
    const expired = tx
      .select({ id: comments.id })
      .from(comments)
      .where(
        and(
          eq(comments.status, "trash"),
          lt(sql`coalesce(${comments.moderatedAt}, ${comments.updatedAt})`, olderThan.getTime()),
        ),
      )
      .orderBy(asc(comments.id))
      .all();
    const touchedArticles = new Set<number>();
    for (const { id } of expired) {
      // Re-read: removing an earlier one may have re-threaded this one.
      const comment = loadComment(tx, id);
      if (!comment) continue;
      if (removeComment(tx, comment)) touchedArticles.add(comment.articleId);
      // Nobody acted, so there is no moderator to name (recordModeration needs one); the row
      // still says what went and when.
      tx.insert(moderationLog)
        .values({
          moderatorId: null,
          moderatorName: "Automatic trash purge",
          action: "delete",
          commentId: comment.id,
          articleId: comment.articleId,
          fromStatus: "trash",
          toStatus: null,
          detail: `purged after ${TRASH_RETENTION_DAYS} days in the trash`,
        })
        .run();
    }
    invalidateCacheTags(
      tx,
      [...touchedArticles].map((articleId) => cacheTags.article(articleId)),
    );
    return expired.length;
  }, db ?? getDb());
}

export type BanAuthorResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "not-found" | "no-author" | "self" | "not-allowed" };

// Bans the author of a comment from the queue. Moderators may ban readers and authors only;
// admins anyone but themselves. Checked in the transaction, so a role change just made counts.
export async function banCommentAuthor({
  moderator,
  commentId,
  reason = null,
  until = null,
  now = currentTime(),
}: {
  moderator: Moderator & { role: UserRole };
  commentId: number;
  reason?: string | null;
  until?: Date | null;
  now?: Date;
}): Promise<BanAuthorResult> {
  return inWriteTransaction((tx): BanAuthorResult => {
    const comment = tx
      .select({ articleId: comments.articleId, authorId: comments.authorId, status: comments.status })
      .from(comments)
      .where(eq(comments.id, commentId))
      .get();
    if (!comment) return { ok: false, reason: "not-found" };
    if (comment.authorId === null) return { ok: false, reason: "no-author" };
    if (comment.authorId === moderator.id) return { ok: false, reason: "self" };
    const author = tx.select({ role: users.role }).from(users).where(eq(users.id, comment.authorId)).get();
    if (!author) return { ok: false, reason: "no-author" };
    if (!hasRole(moderator, "admin") && hasRole(author, "moderator")) return { ok: false, reason: "not-allowed" };
    tx.update(users)
      .set({ bannedAt: now, bannedUntil: until, banReason: reason, updatedAt: now })
      .where(eq(users.id, comment.authorId))
      .run();
    recordModeration(tx, {
      moderator,
      action: "ban",
      commentId,
      articleId: comment.articleId,
      subjectUserId: comment.authorId,
      detail: `${until === null ? "permanently" : `until ${until.toISOString()}`}${reason ? `; reason: ${reason}` : ""}`,
    });
    return { ok: true, userId: comment.authorId };
  });
}
