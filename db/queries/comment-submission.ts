import { and, desc, eq, isNull, ne } from "drizzle-orm";
import { formatBanMessage } from "../../lib/ban-message";
import { getConfig } from "../../lib/config";
import { activeBan } from "../../lib/bans";
import { cacheTags } from "../../lib/cache-tags";
import { commentRefusalMessages, type CommentRefusal } from "../../lib/comments/comment-refusals";
import { decideCommentStatus } from "../../lib/comments/comment-rules";
import { hasRole } from "../../lib/permissions";
import type { SiteSettings } from "../../lib/site-settings";
import { invalidateCacheTags } from "../cache-invalidation";
import { inWriteTransaction, type Transaction } from "../client";
import { articles, comments, users, type CommentStatus, type UserRole } from "../schema";
import { isVisibleToReaders } from "./article-visibility";
import { recordModeration } from "./moderation-log-writes";
import { getSiteSettings } from "./site-settings";
import { currentTime } from "../../lib/clock";

export type CommentWriteResult =
  | { ok: true; commentId: number; status: CommentStatus; articleSlug: string }
  | { ok: false; reason: CommentRefusal; message: string };

function refuse(reason: CommentRefusal, message: string = commentRefusalMessages[reason]): CommentWriteResult {
  return { ok: false, reason, message };
}

type Commenter = { id: number; role: UserRole; displayName: string };

// Read inside the transaction, so a ban or role change that just committed is honoured.
function loadCommenter(
  tx: Transaction,
  userId: number,
  now: Date,
  settings: SiteSettings,
): Commenter | { banMessage: string } | null {
  const row = tx
    .select({
      id: users.id,
      role: users.role,
      displayName: users.displayName,
      bannedAt: users.bannedAt,
      bannedUntil: users.bannedUntil,
      banReason: users.banReason,
    })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!row) return null;
  const ban = activeBan(row, now);
  if (ban) return { banMessage: formatBanMessage(ban, settings.timeZone || getConfig().timeZone) };
  return { id: row.id, role: row.role, displayName: row.displayName };
}

function hasApprovedComment(tx: Transaction, authorId: number): boolean {
  return (
    tx
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.authorId, authorId), eq(comments.status, "approved"), isNull(comments.deletedAt)))
      .limit(1)
      .get() !== undefined
  );
}

// The commenter's own earlier comment on the same article with the same text (deleted and trashed
// ones aside) makes a new one a duplicate.
function isDuplicate(tx: Transaction, { authorId, articleId, body, exceptId }: { authorId: number; articleId: number; body: string; exceptId?: number }): boolean {
  return (
    tx
      .select({ id: comments.id })
      .from(comments)
      .where(
        and(
          eq(comments.authorId, authorId),
          eq(comments.articleId, articleId),
          eq(comments.body, body),
          ne(comments.status, "trash"),
          isNull(comments.deletedAt),
          exceptId === undefined ? undefined : ne(comments.id, exceptId),
        ),
      )
      .limit(1)
      .get() !== undefined
  );
}

function postedTooRecently(tx: Transaction, authorId: number, floodSeconds: number, now: Date): boolean {
  if (floodSeconds <= 0) return false;
  const last = tx
    .select({ createdAt: comments.createdAt })
    .from(comments)
    .where(eq(comments.authorId, authorId))
    .orderBy(desc(comments.createdAt))
    .limit(1)
    .get();
  return last !== undefined && now.getTime() - last.createdAt.getTime() < floodSeconds * 1000;
}

type ParentComment = { id: number; parentId: number | null; status: CommentStatus; articleId: number; deletedAt: Date | null };

function loadParent(tx: Transaction, id: number): ParentComment | undefined {
  return tx
    .select({
      id: comments.id,
      parentId: comments.parentId,
      status: comments.status,
      articleId: comments.articleId,
      deletedAt: comments.deletedAt,
    })
    .from(comments)
    .where(eq(comments.id, id))
    .get();
}

// A reply deeper than the thread depth joins the thread at its deepest level: it attaches to the
// ancestor at depth (maxDepth - 1), so it lands at depth maxDepth. Should that ancestor no longer
// be shown (held again, spam, trash), the reply stays under its own parent instead, since a reply
// under a hidden comment would surface at the top of the thread.
function attachmentPoint(tx: Transaction, parent: ParentComment, maxDepth: number): number | null {
  if (maxDepth <= 1) return null;
  const chain: ParentComment[] = [parent];
  let current = parent;
  while (current.parentId !== null && chain.length <= 64) {
    const next = loadParent(tx, current.parentId);
    if (!next) break;
    chain.unshift(next);
    current = next;
  }
  // chain[0] is the top-level comment (depth 1); the parent is at depth chain.length.
  const ancestor = chain[Math.min(chain.length, maxDepth - 1) - 1];
  if (!ancestor) return null;
  return ancestor.status === "approved" ? ancestor.id : parent.id;
}

export async function submitComment({
  articleId,
  authorId,
  parentId = null,
  body,
  now = currentTime(),
  settings,
  fromModerationQueue = false,
}: {
  articleId: number;
  authorId: number;
  parentId?: number | null;
  // Already normalised and length-checked by the caller's schema.
  body: string;
  now?: Date;
  settings?: SiteSettings;
  // A moderator's reply from /moderation is logged there as a moderation action.
  fromModerationQueue?: boolean;
}): Promise<CommentWriteResult> {
  const rules = settings ?? (await getSiteSettings());
  return inWriteTransaction((tx): CommentWriteResult => {
    const commenter = loadCommenter(tx, authorId, now, rules);
    if (!commenter) return refuse("banned", "Your account no longer exists.");
    if ("banMessage" in commenter) return refuse("banned", commenter.banMessage);

    const article = tx
      .select({ id: articles.id, slug: articles.slug, authorId: articles.authorId, commentsOpen: articles.commentsOpen })
      .from(articles)
      .where(and(eq(articles.id, articleId), isVisibleToReaders(now)))
      .get();
    if (!article) return refuse("article-unavailable");
    if (!article.commentsOpen) return refuse("closed");

    const isModerator = hasRole(commenter, "moderator");
    let attachTo: number | null = null;
    let parentToApprove: ParentComment | null = null;
    if (parentId !== null) {
      const parent = loadParent(tx, parentId);
      // Moderators may answer a comment still in the queue, which approves it (as in WordPress).
      const replyable =
        parent !== undefined &&
        parent.articleId === article.id &&
        parent.deletedAt === null &&
        (parent.status === "approved" || (isModerator && parent.status === "pending"));
      if (!replyable) return refuse("parent-unavailable");
      if (parent.status === "pending") parentToApprove = parent;
      attachTo = attachmentPoint(tx, parent, rules.commentThreadDepth);
    }

    if (isDuplicate(tx, { authorId, articleId: article.id, body })) return refuse("duplicate");
    if (!isModerator && postedTooRecently(tx, authorId, rules.commentFloodSeconds, now)) return refuse("flood");

    const decision = decideCommentStatus({
      body,
      trusted: isModerator || article.authorId === commenter.id,
      hasApprovedComment: hasApprovedComment(tx, commenter.id),
      settings: rules,
    });

    if (parentToApprove) {
      tx.update(comments)
        .set({ status: "approved", moderatedById: commenter.id, moderatedAt: now, updatedAt: now })
        .where(eq(comments.id, parentToApprove.id))
        .run();
      recordModeration(tx, {
        moderator: commenter,
        action: "approve",
        commentId: parentToApprove.id,
        articleId: article.id,
        fromStatus: "pending",
        toStatus: "approved",
        detail: "approved by replying",
      });
    }

    const inserted = tx
      .insert(comments)
      .values({
        articleId: article.id,
        authorId,
        parentId: attachTo,
        body,
        status: decision.status,
        heldReason: decision.heldReason,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: comments.id })
      .get();
    if (fromModerationQueue && isModerator) {
      recordModeration(tx, {
        moderator: commenter,
        action: "reply",
        commentId: inserted.id,
        articleId: article.id,
        toStatus: decision.status,
        detail: parentId === null ? null : `in reply to comment ${parentId}`,
      });
    }
    if (decision.status === "approved" || parentToApprove) invalidateCacheTags(tx, [cacheTags.article(article.id)]);
    return { ok: true, commentId: inserted.id, status: decision.status, articleSlug: article.slug };
  });
}

// Shared with editing: the rules run again on the new text.
export const commentRuleChecks = { loadCommenter, hasApprovedComment, isDuplicate };
