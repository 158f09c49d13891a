import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import { cacheTags } from "../../lib/cache-tags";
import { currentTime } from "../../lib/clock";
import type { SiteSettings } from "../../lib/site-settings";
import { invalidateCacheTags } from "../cache-invalidation";
import { getDb, inWriteTransaction, type Transaction } from "../client";
import { articles, commentReports, comments, moderationLog, users, type CommentReportReason } from "../schema";
import { isVisibleToReaders } from "./article-visibility";
import { getSiteSettings } from "./site-settings";

export type ReportCommentResult =
  | { ok: true; articleSlug: string; returnedToQueue: boolean }
  | { ok: false; reason: "not-found" | "own" | "already-reported" };

// The held reason a comment sent back by readers' reports carries, as its author and the
// moderators see it.
export const REPORTED_HELD_REASON = "reported by readers";

// A reader reports a published comment, once. The report that reaches the site's threshold sends
// the comment back to the queue, in the same transaction: the article's pages are invalidated
// and the move is logged with no moderator (the readers' reports did it).
export async function reportComment({
  commentId,
  reporterId,
  reason,
  now = currentTime(),
  settings,
}: {
  commentId: number;
  reporterId: number;
  reason: CommentReportReason;
  now?: Date;
  settings?: SiteSettings;
}): Promise<ReportCommentResult> {
  const rules = settings ?? (await getSiteSettings());
  return inWriteTransaction((tx): ReportCommentResult => {
    const comment = tx
      .select({ id: comments.id, articleId: comments.articleId, authorId: comments.authorId, articleSlug: articles.slug })
      .from(comments)
      .innerJoin(articles, eq(articles.id, comments.articleId))
      .where(
        and(
          eq(comments.id, commentId),
          eq(comments.status, "approved"),
          isNull(comments.deletedAt),
          isVisibleToReaders(now),
        ),
      )
      .get();
    if (!comment) return { ok: false, reason: "not-found" };
    if (comment.authorId === reporterId) return { ok: false, reason: "own" };
    const inserted = tx
      .insert(commentReports)
      .values({ commentId, reporterId, reason, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: commentReports.id })
      .get();
    if (!inserted) return { ok: false, reason: "already-reported" };
    const reports = countReports(tx, commentId);
    const returnedToQueue = reports >= rules.commentReportThreshold;
    if (returnedToQueue) {
      tx.update(comments)
        .set({ status: "pending", heldReason: REPORTED_HELD_REASON, moderatedById: null, moderatedAt: now, updatedAt: now })
        .where(eq(comments.id, commentId))
        .run();
      tx.insert(moderationLog)
        .values({
          moderatorId: null,
          moderatorName: "Reader reports",
          action: "unapprove",
          commentId,
          articleId: comment.articleId,
          fromStatus: "approved",
          toStatus: "pending",
          detail: `${reports} reader reports`,
        })
        .run();
      invalidateCacheTags(tx, [cacheTags.article(comment.articleId)]);
    }
    return { ok: true, articleSlug: comment.articleSlug, returnedToQueue };
  });
}

function countReports(tx: Transaction, commentId: number): number {
  return tx.select({ n: count() }).from(commentReports).where(eq(commentReports.commentId, commentId)).get()?.n ?? 0;
}

// A moderator who approves a comment after reviewing its reports dismisses them, so the same
// reports cannot send it back again. Called inside the approving transaction.
export function clearCommentReports(tx: Transaction, commentId: number): number {
  return tx.delete(commentReports).where(eq(commentReports.commentId, commentId)).run().changes;
}

export type CommentReportSummary = {
  total: number;
  // Each reason given, with how many readers gave it, most frequent first.
  reasons: { reason: CommentReportReason; count: number }[];
  reporters: { id: number; displayName: string; reason: CommentReportReason; createdAt: Date }[];
};

// The reports on the comments of one queue page, by comment id (comments without reports are absent).
export async function listCommentReportSummaries({
  commentIds,
}: {
  commentIds: readonly number[];
}): Promise<Map<number, CommentReportSummary>> {
  const summaries = new Map<number, CommentReportSummary>();
  if (commentIds.length === 0) return summaries;
  const rows = getDb()
    .select({
      commentId: commentReports.commentId,
      reason: commentReports.reason,
      createdAt: commentReports.createdAt,
      reporterId: users.id,
      reporterName: users.displayName,
    })
    .from(commentReports)
    .innerJoin(users, eq(users.id, commentReports.reporterId))
    .where(inArray(commentReports.commentId, [...commentIds]))
    .orderBy(asc(commentReports.commentId), asc(commentReports.createdAt), asc(commentReports.id))
    .all();
  for (const row of rows) {
    let summary = summaries.get(row.commentId);
    if (!summary) summaries.set(row.commentId, (summary = { total: 0, reasons: [], reporters: [] }));
    summary.total += 1;
    summary.reporters.push({ id: row.reporterId, displayName: row.reporterName, reason: row.reason, createdAt: row.createdAt });
    const entry = summary.reasons.find((item) => item.reason === row.reason);
    if (entry) entry.count += 1;
    else summary.reasons.push({ reason: row.reason, count: 1 });
  }
  for (const summary of summaries.values()) summary.reasons.sort((a, b) => b.count - a.count);
  return summaries;
}

// Which comments of an article the reader has already reported (their page says so instead of
// offering the form again). Only signed-in pages ask, and those are never cached.
export async function listCommentsReportedBy({
  articleId,
  reporterId,
}: {
  articleId: number;
  reporterId: number;
}): Promise<Set<number>> {
  const rows = getDb()
    .select({ commentId: commentReports.commentId })
    .from(commentReports)
    .innerJoin(comments, eq(comments.id, commentReports.commentId))
    .where(and(eq(commentReports.reporterId, reporterId), eq(comments.articleId, articleId)))
    .all();
  return new Set(rows.map((row) => row.commentId));
}
