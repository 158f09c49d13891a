import { and, eq } from "drizzle-orm";
import { cacheTags } from "../../lib/cache-tags";
import { commentRefusalMessages, type CommentRefusal } from "../../lib/comments/comment-refusals";
import { isWithinEditWindow } from "../../lib/comments/comment-edit-window";
import { decideCommentStatus } from "../../lib/comments/comment-rules";
import { hasRole } from "../../lib/permissions";
import type { SiteSettings } from "../../lib/site-settings";
import { invalidateCacheTags } from "../cache-invalidation";
import { inWriteTransaction, type Transaction } from "../client";
import { articles, comments } from "../schema";
import { commentRuleChecks, type CommentWriteResult } from "./comment-submission";
import { eraseCommentVersions, recordCommentVersion } from "./comment-versions";
import { getSiteSettings } from "./site-settings";
import { currentTime } from "../../lib/clock";

function refuse(reason: CommentRefusal, message: string = commentRefusalMessages[reason]) {
  return { ok: false as const, reason, message };
}

function loadOwnComment(tx: Transaction, commentId: number, authorId: number) {
  return tx
    .select({
      id: comments.id,
      articleId: comments.articleId,
      articleSlug: articles.slug,
      articleAuthorId: articles.authorId,
      articleStatus: articles.status,
      articlePublishedAt: articles.publishedAt,
      commentsOpen: articles.commentsOpen,
      status: comments.status,
      heldReason: comments.heldReason,
      body: comments.body,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
      deletedAt: comments.deletedAt,
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(and(eq(comments.id, commentId), eq(comments.authorId, authorId)))
    .get();
}

// An edit runs the moderation rules again: a clean edit of a published comment stays published,
// an edit that adds too many links goes back to the queue.
export async function editOwnComment({
  commentId,
  authorId,
  body,
  now = currentTime(),
  settings,
}: {
  commentId: number;
  authorId: number;
  body: string;
  now?: Date;
  settings?: SiteSettings;
}): Promise<CommentWriteResult> {
  const rules = settings ?? (await getSiteSettings());
  return inWriteTransaction((tx): CommentWriteResult => {
    const commenter = commentRuleChecks.loadCommenter(authorId, now, rules);
    if (!commenter) return refuse("not-found");
    if ("banMessage" in commenter) return refuse("banned", commenter.banMessage);
    const comment = loadOwnComment(tx, commentId, authorId);
    if (!comment || comment.deletedAt !== null) return refuse("not-found");
    if (comment.status === "spam" || comment.status === "trash") return refuse("not-editable");
    if (!isWithinEditWindow(comment.createdAt, rules.commentEditMinutes, now)) return refuse("not-editable");
    const articleVisible =
      comment.articleStatus !== "draft" && comment.articlePublishedAt !== null && comment.articlePublishedAt <= now;
    if (!articleVisible) return refuse("article-unavailable");
    if (!comment.commentsOpen) return refuse("closed");
    if (commentRuleChecks.isDuplicate({ authorId, articleId: comment.articleId, body, exceptId: comment.id })) {
      return refuse("duplicate");
    }
    const rulesDecision = decideCommentStatus({
      body,
      trusted: hasRole(commenter, "moderator") || comment.articleAuthorId === authorId,
      hasApprovedComment: commentRuleChecks.hasApprovedComment(authorId),
      settings: rules,
    });
    // An edit never publishes a held comment: whether held by the rules or unapproved by a
    // moderator, it stays in the queue (or goes to spam) until a moderator approves it.
    const decision =
      comment.status === "pending" && rulesDecision.status === "approved"
        ? { status: "pending" as const, heldReason: comment.heldReason }
        : rulesDecision;
    // The replaced text stays readable to moderators: a reply may answer what was said before.
    if (comment.body !== body) {
      recordCommentVersion(tx, { commentId: comment.id, body: comment.body, writtenAt: comment.editedAt ?? comment.createdAt, editedAt: now });
    }
    tx.update(comments)
      .set({ body, status: decision.status, heldReason: decision.heldReason, editedAt: now, updatedAt: now })
      .where(eq(comments.id, comment.id))
      .run();
    if (comment.status === "approved" || decision.status === "approved") {
      invalidateCacheTags(tx, [cacheTags.article(comment.articleId)]);
    }
    return { ok: true, commentId: comment.id, status: decision.status, articleSlug: comment.articleSlug };
  });
}

export type CommentDeleteResult = { ok: true; articleSlug: string } | { ok: false; reason: CommentRefusal; message: string };

// A comment with replies keeps its place in the thread as "This comment was deleted." (its text
// erased); without replies it is removed.
export async function deleteOwnComment({
  commentId,
  authorId,
  now = currentTime(),
}: {
  commentId: number;
  authorId: number;
  now?: Date;
}): Promise<CommentDeleteResult> {
  return inWriteTransaction((tx): CommentDeleteResult => {
    const comment = loadOwnComment(tx, commentId, authorId);
    if (!comment || comment.deletedAt !== null) return refuse("not-found");
    // Spam and trash are the moderators' to keep as evidence or purge.
    if (comment.status === "spam" || comment.status === "trash") return refuse("not-found");
    const hasReplies = tx.select({ id: comments.id }).from(comments).where(eq(comments.parentId, comment.id)).limit(1).get();
    if (hasReplies) {
      tx.update(comments).set({ body: "", deletedAt: now, updatedAt: now }).where(eq(comments.id, comment.id)).run();
      eraseCommentVersions(tx, comment.id);
    } else {
      tx.delete(comments).where(eq(comments.id, comment.id)).run();
    }
    if (comment.status === "approved") invalidateCacheTags(tx, [cacheTags.article(comment.articleId)]);
    return { ok: true, articleSlug: comment.articleSlug };
  });
}
