import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { formatBanMessage } from "../../lib/ban-message";
import { getConfig } from "../../lib/config";
import { activeBan } from "../../lib/bans";
import { cacheTags } from "../../lib/cache-tags";
import { commentRefusalMessages, type CommentRefusal } from "../../lib/comments/comment-refusals";
import { decideCommentStatus } from "../../lib/comments/comment-rules";
import { hasRole } from "../../lib/permissions";
import { formatWait, recordAttemptInTransaction } from "../../lib/rate-limits";
import type { SiteSettings } from "../../lib/site-settings";
import { invalidateCacheTags } from "../cache-invalidation";
import { inWriteTransactionWithoutBlocking, preparedPerConnection } from "../client";
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

const commentRuleQueries = preparedPerConnection((db) => ({
  commenter: db
    .select({
      id: users.id,
      role: users.role,
      displayName: users.displayName,
      bannedAt: users.bannedAt,
      bannedUntil: users.bannedUntil,
      banReason: users.banReason,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder("userId")))
    .prepare(),
  visibleArticle: db
    .select({ id: articles.id, slug: articles.slug, authorId: articles.authorId, commentsOpen: articles.commentsOpen })
    .from(articles)
    .where(and(eq(articles.id, sql.placeholder("articleId")), isVisibleToReaders(sql.placeholder("nowMs"))))
    .prepare(),
  approvedCommentBy: db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.authorId, sql.placeholder("authorId")), eq(comments.status, "approved"), isNull(comments.deletedAt)))
    .limit(1)
    .prepare(),
  // exceptId 0 (no comment has it) when there is no comment to leave out.
  sameText: db
    .select({ id: comments.id })
    .from(comments)
    .where(
      and(
        eq(comments.authorId, sql.placeholder("authorId")),
        eq(comments.articleId, sql.placeholder("articleId")),
        eq(comments.body, sql.placeholder("body")),
        ne(comments.status, "trash"),
        isNull(comments.deletedAt),
        ne(comments.id, sql.placeholder("exceptId")),
      ),
    )
    .limit(1)
    .prepare(),
  latestCommentBy: db
    .select({ createdAt: comments.createdAt })
    .from(comments)
    .where(eq(comments.authorId, sql.placeholder("authorId")))
    .orderBy(desc(comments.createdAt))
    .limit(1)
    .prepare(),
  comment: db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      status: comments.status,
      articleId: comments.articleId,
      deletedAt: comments.deletedAt,
    })
    .from(comments)
    .where(eq(comments.id, sql.placeholder("id")))
    .prepare(),
  insert: db
    .insert(comments)
    .values({
      articleId: sql.placeholder("articleId"),
      authorId: sql.placeholder("authorId"),
      parentId: sql.placeholder("parentId"),
      body: sql.placeholder("body"),
      status: sql.placeholder("status"),
      heldReason: sql.placeholder("heldReason"),
      createdAt: sql.placeholder("now"),
      updatedAt: sql.placeholder("now"),
    })
    .returning({ id: comments.id })
    .prepare(),
}));

// These run inside a write transaction on the default connection (inWriteTransaction), so a ban,
// role change or comment that just committed is honoured.
function loadCommenter(userId: number, now: Date, settings: SiteSettings): Commenter | { banMessage: string } | null {
  const row = commentRuleQueries().commenter.get({ userId });
  if (!row) return null;
  const ban = activeBan(row, now);
  if (ban) return { banMessage: formatBanMessage(ban, settings.timeZone || getConfig().timeZone) };
  return { id: row.id, role: row.role, displayName: row.displayName };
}

function hasApprovedComment(authorId: number): boolean {
  return commentRuleQueries().approvedCommentBy.get({ authorId }) !== undefined;
}

// The commenter's own earlier comment on the same article with the same text (deleted and trashed
// ones aside) makes a new one a duplicate.
function isDuplicate({ authorId, articleId, body, exceptId }: { authorId: number; articleId: number; body: string; exceptId?: number }): boolean {
  return commentRuleQueries().sameText.get({ authorId, articleId, body, exceptId: exceptId ?? 0 }) !== undefined;
}

function postedTooRecently(authorId: number, floodSeconds: number, now: Date): boolean {
  if (floodSeconds <= 0) return false;
  const last = commentRuleQueries().latestCommentBy.get({ authorId });
  return last !== undefined && now.getTime() - last.createdAt.getTime() < floodSeconds * 1000;
}

type ParentComment = { id: number; parentId: number | null; status: CommentStatus; articleId: number; deletedAt: Date | null };

function loadParent(id: number): ParentComment | undefined {
  return commentRuleQueries().comment.get({ id });
}

// A reply deeper than the thread depth joins the thread at its deepest level: it attaches to the
// ancestor at depth (maxDepth - 1), so it lands at depth maxDepth. Should that ancestor no longer
// be shown (held again, spam, trash), the reply stays under its own parent instead, since a reply
// under a hidden comment would surface at the top of the thread.
function attachmentPoint(parent: ParentComment, maxDepth: number): number | null {
  if (maxDepth <= 1) return null;
  const chain: ParentComment[] = [parent];
  let current = parent;
  while (current.parentId !== null && chain.length <= 64) {
    const next = loadParent(current.parentId);
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
  limitAddress,
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
  // The poster's address, counted against the per-address comment limit (lib/rate-limits.ts) in
  // this transaction, before the per-account rules: one address cannot flood through many accounts.
  limitAddress?: string;
}): Promise<CommentWriteResult> {
  const rules = settings ?? (await getSiteSettings());
  return inWriteTransactionWithoutBlocking((tx): CommentWriteResult => {
    if (limitAddress !== undefined) {
      const wait = recordAttemptInTransaction("commentIp", limitAddress);
      if (wait > 0) return refuse("too-fast", `You are posting too fast. Try again in ${formatWait(wait)}.`);
    }
    const commenter = loadCommenter(authorId, now, rules);
    if (!commenter) return refuse("banned", "Your account no longer exists.");
    if ("banMessage" in commenter) return refuse("banned", commenter.banMessage);

    const article = commentRuleQueries().visibleArticle.get({ articleId, nowMs: now.getTime() });
    if (!article) return refuse("article-unavailable");
    if (!article.commentsOpen) return refuse("closed");

    const isModerator = hasRole(commenter, "moderator");
    let attachTo: number | null = null;
    let parentToApprove: ParentComment | null = null;
    if (parentId !== null) {
      const parent = loadParent(parentId);
      // Moderators may answer a comment still in the queue, which approves it (as in WordPress).
      const replyable =
        parent !== undefined &&
        parent.articleId === article.id &&
        parent.deletedAt === null &&
        (parent.status === "approved" || (isModerator && parent.status === "pending"));
      if (!replyable) return refuse("parent-unavailable");
      if (parent.status === "pending") parentToApprove = parent;
      attachTo = attachmentPoint(parent, rules.commentThreadDepth);
    }

    if (isDuplicate({ authorId, articleId: article.id, body })) return refuse("duplicate");
    if (!isModerator && postedTooRecently(authorId, rules.commentFloodSeconds, now)) return refuse("flood");

    const decision = decideCommentStatus({
      body,
      trusted: isModerator || article.authorId === commenter.id,
      hasApprovedComment: hasApprovedComment(commenter.id),
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

    const inserted = commentRuleQueries().insert.get({
      articleId: article.id,
      authorId,
      parentId: attachTo,
      body,
      status: decision.status,
      heldReason: decision.heldReason,
      now,
    });
    if (!inserted) throw new Error("The comment insert returned no row");
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
