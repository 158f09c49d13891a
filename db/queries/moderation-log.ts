import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { countPages, pageOffset, type Page } from "../../lib/pagination";
import { getDb } from "../client";
import { articles, comments, moderationLog, users, type CommentStatus, type ModerationAction } from "../schema";

export const MODERATION_LOG_PAGE_SIZE = 50;

export type ModerationLogItem = {
  id: number;
  createdAt: Date;
  // As it was when they acted (the log keeps the name after their account is gone).
  moderatorName: string;
  action: ModerationAction;
  fromStatus: CommentStatus | null;
  // Null for a permanent deletion, a ban and a purge.
  toStatus: CommentStatus | null;
  detail: string | null;
  // What the entry is about: the comment, while it exists, with its status now.
  comment: { id: number; status: CommentStatus | null } | null;
  // Null when the entry names no article or the article is gone.
  article: { id: number; slug: string; title: string } | null;
  subjectUser: { id: number; displayName: string } | null;
  // For an undo: the entry it reverted. For any entry: whether it was undone later.
  undoes: { id: number; action: ModerationAction } | null;
  undone: boolean;
};

const subjects = alias(users, "subject_user");
const undoneEntries = alias(moderationLog, "undone_entry");
const undoEntries = alias(moderationLog, "undo_entry");

function asStatus(value: string | null): CommentStatus | null {
  return value === "pending" || value === "approved" || value === "spam" || value === "trash" ? value : null;
}

// Newest first; ids and names of what has since been deleted stay as recorded.
export async function listModerationLog({ page }: { page: number }): Promise<Page<ModerationLogItem>> {
  const db = getDb();
  const total = await db.$count(moderationLog);
  const rows = db
    .select({
      id: moderationLog.id,
      createdAt: moderationLog.createdAt,
      moderatorName: moderationLog.moderatorName,
      action: moderationLog.action,
      fromStatus: moderationLog.fromStatus,
      toStatus: moderationLog.toStatus,
      detail: moderationLog.detail,
      commentId: moderationLog.commentId,
      commentStatus: comments.status,
      articleId: articles.id,
      articleSlug: articles.slug,
      articleTitle: articles.title,
      subjectUserId: subjects.id,
      subjectUserName: subjects.displayName,
      undoesId: undoneEntries.id,
      undoesAction: undoneEntries.action,
      undoneById: undoEntries.id,
    })
    .from(moderationLog)
    .leftJoin(comments, eq(comments.id, moderationLog.commentId))
    .leftJoin(articles, eq(articles.id, moderationLog.articleId))
    .leftJoin(subjects, eq(subjects.id, moderationLog.subjectUserId))
    .leftJoin(undoneEntries, eq(undoneEntries.id, moderationLog.undoesId))
    .leftJoin(undoEntries, eq(undoEntries.undoesId, moderationLog.id))
    .orderBy(desc(moderationLog.createdAt), desc(moderationLog.id))
    .limit(MODERATION_LOG_PAGE_SIZE)
    .offset(pageOffset(page, MODERATION_LOG_PAGE_SIZE))
    .all();
  const items = rows.map(
    (row): ModerationLogItem => ({
      id: row.id,
      createdAt: row.createdAt,
      moderatorName: row.moderatorName,
      action: row.action,
      fromStatus: asStatus(row.fromStatus),
      toStatus: asStatus(row.toStatus),
      detail: row.detail,
      comment: row.commentId === null ? null : { id: row.commentId, status: row.commentStatus },
      article:
        row.articleId !== null && row.articleSlug !== null && row.articleTitle !== null
          ? { id: row.articleId, slug: row.articleSlug, title: row.articleTitle }
          : null,
      subjectUser:
        row.subjectUserId !== null && row.subjectUserName !== null ? { id: row.subjectUserId, displayName: row.subjectUserName } : null,
      undoes: row.undoesId !== null && row.undoesAction !== null ? { id: row.undoesId, action: row.undoesAction } : null,
      undone: row.undoneById !== null,
    }),
  );
  return { items, page, total, pageCount: countPages(total, MODERATION_LOG_PAGE_SIZE) };
}
