import { and, count, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { cacheTags } from "../../lib/cache-tags";
import { countPages, pageOffset, type Page } from "../../lib/pagination";
import { invalidateCacheTags } from "../cache-invalidation";
import { getDb, inWriteTransaction } from "../client";
import { articles, articleTags, comments, users, type UserRole } from "../schema";
import { currentTime } from "../../lib/clock";
import { containsLikePattern } from "../like-pattern";

export type UserListItem = {
  id: number;
  email: string;
  slug: string;
  displayName: string;
  role: UserRole;
  bannedAt: Date | null;
  bannedUntil: Date | null;
  banReason: string | null;
  createdAt: Date;
  articleCount: number;
};

const USERS_PER_PAGE = 25;

export async function listUsers({ search = "", page }: { search?: string; page: number }): Promise<Page<UserListItem>> {
  const db = getDb();
  const pattern = containsLikePattern(search);
  const where = search.trim()
    ? or(sql`${users.email} like ${pattern} escape '\\'`, sql`lower(${users.displayName}) like ${pattern} escape '\\'`)
    : undefined;
  const total = db.select({ n: count() }).from(users).where(where).get()?.n ?? 0;
  const items = db
    .select({
      id: users.id,
      email: users.email,
      slug: users.slug,
      displayName: users.displayName,
      role: users.role,
      bannedAt: users.bannedAt,
      bannedUntil: users.bannedUntil,
      banReason: users.banReason,
      createdAt: users.createdAt,
      articleCount: db.$count(articles, eq(articles.authorId, users.id)),
    })
    .from(users)
    .where(where)
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(USERS_PER_PAGE)
    .offset(pageOffset(page, USERS_PER_PAGE))
    .all();
  return { items, page, total, pageCount: countPages(total, USERS_PER_PAGE) };
}

export type RoleChangeResult = { ok: true; previousRole: UserRole } | { ok: false; reason: "not-found" | "last-admin" };

// Checked in the same transaction as the change, so two admins demoting each other at once
// cannot leave the site without one.
export async function setUserRole({ userId, role }: { userId: number; role: UserRole }): Promise<RoleChangeResult> {
  return inWriteTransaction((tx) => {
    const current = tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).get();
    if (!current) return { ok: false, reason: "not-found" } as const;
    if (current.role === "admin" && role !== "admin") {
      const otherAdmins = tx.select({ n: count() }).from(users).where(and(eq(users.role, "admin"), ne(users.id, userId))).get();
      if ((otherAdmins?.n ?? 0) === 0) return { ok: false, reason: "last-admin" } as const;
    }
    tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId)).run();
    return { ok: true, previousRole: current.role } as const;
  });
}

export async function banUser({
  userId,
  reason = null,
  until = null,
  now = currentTime(),
}: {
  userId: number;
  reason?: string | null;
  until?: Date | null;
  now?: Date;
}): Promise<boolean> {
  const result = getDb()
    .update(users)
    .set({ bannedAt: now, bannedUntil: until, banReason: reason, updatedAt: now })
    .where(eq(users.id, userId))
    .run();
  return result.changes > 0;
}

export async function unbanUser({ userId }: { userId: number }): Promise<boolean> {
  const result = getDb()
    .update(users)
    .set({ bannedAt: null, bannedUntil: null, banReason: null, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .run();
  return result.changes > 0;
}

export type DeleteUserResult =
  | { ok: true }
  | { ok: false; reason: "not-found" | "last-admin" | "needs-reassignment" | "invalid-reassignment" };

// Deletes an account. Its articles move to `reassignArticlesTo` (required when it has any);
// its comments stay as "deleted user" or are removed, as asked. Pages showing any of it change.
export async function deleteUser({
  userId,
  reassignArticlesTo = null,
  comments: commentsMode,
}: {
  userId: number;
  reassignArticlesTo?: number | null;
  comments: "keep" | "remove";
}): Promise<DeleteUserResult> {
  return inWriteTransaction((tx) => {
    const target = tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).get();
    if (!target) return { ok: false, reason: "not-found" } as const;
    if (target.role === "admin") {
      const otherAdmins = tx.select({ n: count() }).from(users).where(and(eq(users.role, "admin"), ne(users.id, userId))).get();
      if ((otherAdmins?.n ?? 0) === 0) return { ok: false, reason: "last-admin" } as const;
    }
    const owned = tx
      .select({ id: articles.id, publicationId: articles.publicationId })
      .from(articles)
      .where(eq(articles.authorId, userId))
      .all();
    if (owned.length > 0) {
      if (reassignArticlesTo === null) return { ok: false, reason: "needs-reassignment" } as const;
      const heir = tx.select({ role: users.role }).from(users).where(eq(users.id, reassignArticlesTo)).get();
      if (!heir || reassignArticlesTo === userId || heir.role === "reader") {
        return { ok: false, reason: "invalid-reassignment" } as const;
      }
      tx.update(articles).set({ authorId: reassignArticlesTo }).where(eq(articles.authorId, userId)).run();
    }

    const commentedArticles = tx
      .selectDistinct({ articleId: comments.articleId })
      .from(comments)
      .where(eq(comments.authorId, userId))
      .all()
      .map((row) => row.articleId);
    if (commentsMode === "remove") tx.delete(comments).where(eq(comments.authorId, userId)).run();

    const ownedIds = owned.map((article) => article.id);
    const tagIds =
      ownedIds.length === 0
        ? []
        : tx
            .selectDistinct({ tagId: articleTags.tagId })
            .from(articleTags)
            .where(inArray(articleTags.articleId, ownedIds))
            .all()
            .map((row) => row.tagId);
    tx.delete(users).where(eq(users.id, userId)).run();

    invalidateCacheTags(tx, [
      cacheTags.author(userId),
      ...(reassignArticlesTo === null ? [] : [cacheTags.author(reassignArticlesTo)]),
      ...(ownedIds.length > 0 ? [cacheTags.articleListing] : []),
      ...[...ownedIds, ...commentedArticles].map((id) => cacheTags.article(id)),
      ...owned.flatMap((article) => (article.publicationId === null ? [] : [cacheTags.publication(article.publicationId)])),
      ...tagIds.map((id) => cacheTags.tag(id)),
    ]);
    return { ok: true } as const;
  });
}

