import { and, asc, desc, eq, exists, inArray, isNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { cacheTags, recordCacheTags } from "../../lib/cache-tags";
import { countPages, pageOffset, type Page } from "../../lib/pagination";
import { getDb } from "../client";
import { articles, comments, users } from "../schema";
import { isVisibleToReaders } from "./article-visibility";
import { currentTime } from "../../lib/clock";

export type ArticleComment = {
  id: number;
  parentId: number | null;
  // Empty for a deleted comment, which stays only as a placeholder for its replies.
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deleted: boolean;
  // "pending" only for the viewer's own comments awaiting moderation (held, or sent to spam by the
  // rules); "removed" for the viewer's own comments a moderator sent to spam or trash.
  status: "approved" | "pending" | "removed";
  // Why the viewer's own comment is held; null otherwise, and for spam (a spammer is not told).
  heldReason: string | null;
  // The reason a moderator gave for removing the viewer's own comment; null for anyone else's.
  removalNote: string | null;
  // Null when the commenter's account was deleted and the comment kept.
  author: { id: number; slug: string; displayName: string; hasAuthorPage: boolean } | null;
};

// What a reader sees under an article: approved comments, oldest first, plus the viewer's own
// comments still awaiting moderation or removed by a moderator (nobody else's: those are gone).
export async function listArticleComments({
  articleId,
  viewerId = null,
  now = currentTime(),
}: {
  articleId: number;
  viewerId?: number | null;
  now?: Date;
}): Promise<ArticleComment[]> {
  recordCacheTags(cacheTags.article(articleId));
  const db = getDb();
  const hasAuthorPage = exists(
    db
      .select({ one: articles.id })
      .from(articles)
      .where(and(eq(articles.authorId, users.id), isVisibleToReaders(now))),
  );
  const visible =
    viewerId === null
      ? eq(comments.status, "approved")
      : or(
          eq(comments.status, "approved"),
          // A comment the rules sent to spam looks, to its author, like any held comment; one a
          // moderator removed says so, with the reason given.
          and(inArray(comments.status, ["pending", "spam", "trash"]), eq(comments.authorId, viewerId)),
        );
  const rows = db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      body: comments.body,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
      deletedAt: comments.deletedAt,
      status: comments.status,
      heldReason: comments.heldReason,
      moderatedById: comments.moderatedById,
      moderationNote: comments.moderationNote,
      authorId: users.id,
      authorSlug: users.slug,
      authorName: users.displayName,
      authorHasPage: hasAuthorPage,
    })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.articleId, articleId), visible))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .all();
  // A commenter's name and author page can change; their tag refreshes the pages showing them.
  recordCacheTags(...new Set(rows.flatMap((row) => (row.authorId === null ? [] : [cacheTags.author(row.authorId)]))));
  return rows.map((row): ArticleComment => {
    const { authorId, authorSlug, authorName, authorHasPage, deletedAt, status, heldReason, moderatedById, moderationNote, ...comment } = row;
    const removed = status === "trash" || (status === "spam" && moderatedById !== null);
    return {
      ...comment,
      deleted: deletedAt !== null,
      status: status === "approved" ? "approved" : removed ? "removed" : "pending",
      heldReason: status === "pending" ? heldReason : null,
      removalNote: removed ? moderationNote : null,
      author:
        authorId !== null && authorSlug !== null && authorName !== null
          ? { id: authorId, slug: authorSlug, displayName: authorName, hasAuthorPage: Boolean(authorHasPage) }
          : null,
    };
  });
}

export async function countApprovedComments({ articleId }: { articleId: number }): Promise<number> {
  recordCacheTags(cacheTags.article(articleId));
  return getDb().$count(
    comments,
    and(eq(comments.articleId, articleId), eq(comments.status, "approved"), isNull(comments.deletedAt)),
  );
}

export type OwnComment = {
  id: number;
  articleId: number;
  articleSlug: string;
  articleTitle: string;
  body: string;
  status: (typeof comments.$inferSelect)["status"];
  createdAt: Date;
  deleted: boolean;
  hasReplies: boolean;
};

// For the edit page: the viewer's own comment, whatever its status.
export async function getOwnComment({ commentId, authorId }: { commentId: number; authorId: number }): Promise<OwnComment | null> {
  const db = getDb();
  const replies = alias(comments, "replies");
  const row = db
    .select({
      hasReplies: exists(db.select({ one: replies.id }).from(replies).where(eq(replies.parentId, comments.id))),
      id: comments.id,
      articleId: comments.articleId,
      articleSlug: articles.slug,
      articleTitle: articles.title,
      body: comments.body,
      status: comments.status,
      createdAt: comments.createdAt,
      deletedAt: comments.deletedAt,
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(and(eq(comments.id, commentId), eq(comments.authorId, authorId)))
    .get();
  if (!row) return null;
  const { deletedAt, hasReplies, ...comment } = row;
  return { ...comment, deleted: deletedAt !== null, hasReplies: Boolean(hasReplies) };
}

// Whether /comments/<id>/edit can exist: the comment is there and not deleted.
export async function commentExists({ commentId }: { commentId: number }): Promise<boolean> {
  return (
    getDb()
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.id, commentId), isNull(comments.deletedAt)))
      .get() !== undefined
  );
}

// The comment a reader is answering, when it can be answered (approved, not deleted, this article).
export async function getReplyTarget({
  articleId,
  commentId,
}: {
  articleId: number;
  commentId: number;
}): Promise<{ id: number; authorName: string } | null> {
  const row = getDb()
    .select({ id: comments.id, authorName: users.displayName })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(
      and(
        eq(comments.id, commentId),
        eq(comments.articleId, articleId),
        eq(comments.status, "approved"),
        isNull(comments.deletedAt),
      ),
    )
    .get();
  return row ? { id: row.id, authorName: row.authorName ?? "Deleted user" } : null;
}

export type CommenterComment = {
  id: number;
  articleSlug: string;
  articleTitle: string;
  body: string;
  status: (typeof comments.$inferSelect)["status"];
  heldReason: string | null;
  // The reason a moderator gave for sending it to spam or trash.
  moderationNote: string | null;
  // Whether the current status was a moderator's decision rather than the rules'.
  moderated: boolean;
  createdAt: Date;
  editedAt: Date | null;
};

const COMMENTER_PAGE_SIZE = 20;

// A commenter's own comments, newest first, whatever their status (deleted ones aside).
export async function listCommentsByCommenter({
  authorId,
  page,
}: {
  authorId: number;
  page: number;
}): Promise<Page<CommenterComment>> {
  const db = getDb();
  const where = and(eq(comments.authorId, authorId), isNull(comments.deletedAt));
  const total = await db.$count(comments, where);
  const rows = db
    .select({
      id: comments.id,
      articleSlug: articles.slug,
      articleTitle: articles.title,
      body: comments.body,
      status: comments.status,
      heldReason: comments.heldReason,
      moderationNote: comments.moderationNote,
      moderatedById: comments.moderatedById,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(where)
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(COMMENTER_PAGE_SIZE)
    .offset(pageOffset(page, COMMENTER_PAGE_SIZE))
    .all();
  const items = rows.map(({ moderatedById, ...row }) => ({ ...row, moderated: moderatedById !== null }));
  return { items, page, total, pageCount: countPages(total, COMMENTER_PAGE_SIZE) };
}
