import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLatestCacheInvalidationId, listCacheInvalidationsAfter } from "@/db/cache-invalidation";
import { createArticle } from "@/db/queries/article-writes";
import { createUser, getSessionUserById } from "@/db/queries/auth-users";
import {
  banCommentAuthor,
  countCommentsByStatus,
  countPendingComments,
  listCommentsForModeration,
  MODERATION_PAGE_SIZE,
  moderateComments,
  purgeOldTrash,
  type ModerationCommand,
} from "@/db/queries/comment-moderation";
import { submitComment } from "@/db/queries/comment-submission";
import { insertComment } from "@/db/queries/comment-writes";
import { listModerationLog, MODERATION_LOG_PAGE_SIZE } from "@/db/queries/moderation-log";
import { banUser } from "@/db/queries/user-admin";
import type { CommentStatus, UserRole } from "@/db/schema";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

let temp: TempDatabase;
let moderator: { id: number; displayName: string; role: UserRole };
let admin: { id: number; displayName: string; role: UserRole };
let readerId: number;
let articleId: number;
let otherArticleId: number;

const DAY_MS = 24 * 60 * 60 * 1000;

async function newUser(role: UserRole, displayName = `${role} ${Math.random().toString(36).slice(2)}`) {
  const created = await createUser({ email: `${Math.random().toString(36).slice(2)}@example.com`, displayName, passwordHash: null, role });
  if (!created.ok) throw new Error("could not create user");
  return { id: created.id, displayName, role };
}

let articleCount = 0;
async function newArticle(authorId: number): Promise<number> {
  articleCount += 1;
  return createArticle({
    slug: `moderation-${articleCount}`,
    title: `Moderation article ${articleCount}`,
    status: "published",
    publishedAt: new Date(Date.now() - 60_000),
    authorId,
  });
}

async function comment(status: CommentStatus, { article = articleId, parentId = null as number | null, authorId = readerId } = {}) {
  return insertComment({ articleId: article, authorId, parentId, body: `Comment ${Math.random()}`, status });
}

type Row = { id: number; status: CommentStatus; previous_status: CommentStatus | null; parent_id: number | null; moderated_by_id: number | null };

function row(id: number): Row | undefined {
  return temp.db.$client
    .prepare("select id, status, previous_status, parent_id, moderated_by_id from comments where id = ?")
    .get(id) as Row | undefined;
}

type LogRow = { moderator_id: number | null; moderator_name: string; action: string; comment_id: number; article_id: number; from_status: string | null; to_status: string | null; detail: string | null; subject_user_id: number | null };

function logRowsAfter(logId: number): LogRow[] {
  return temp.db.$client
    .prepare(
      "select moderator_id, moderator_name, action, comment_id, article_id, from_status, to_status, detail, subject_user_id from moderation_log where id > ? order by id",
    )
    .all(logId) as LogRow[];
}

function latestLogId(): number {
  return (temp.db.$client.prepare("select coalesce(max(id), 0) as id from moderation_log").get() as { id: number }).id;
}

// Runs a write and returns what it logged: cache tags and moderation-log rows.
async function traced<T>(write: () => Promise<T>): Promise<{ result: T; tags: string[]; log: LogRow[] }> {
  const tagsBefore = getLatestCacheInvalidationId(temp.db);
  const logBefore = latestLogId();
  const result = await write();
  return {
    result,
    tags: listCacheInvalidationsAfter(temp.db, tagsBefore).map((entry) => entry.tag),
    log: logRowsAfter(logBefore),
  };
}

function moderate(commentIds: number[], action: ModerationCommand, now?: Date) {
  return moderateComments({ moderator, commentIds, action, now });
}

beforeAll(async () => {
  temp = createTempDatabase({ seed: false });
  moderator = await newUser("moderator", "Mona Moderator");
  admin = await newUser("admin", "Ada Admin");
  readerId = (await newUser("reader")).id;
  const author = await newUser("author");
  articleId = await newArticle(author.id);
  otherArticleId = await newArticle(author.id);
});

afterAll(() => temp.cleanup());

describe("moderateComments: each action's transitions", () => {
  it("approve: pending → approved, logged, and the article's pages invalidated", async () => {
    const id = await comment("pending");
    const { result, tags, log } = await traced(() => moderate([id], "approve"));
    expect(result).toEqual({ changedIds: [id], skipped: 0 });
    expect(row(id)).toMatchObject({ status: "approved", moderated_by_id: moderator.id });
    expect(tags).toEqual([`article:${articleId}`]);
    expect(log).toEqual([
      {
        moderator_id: moderator.id,
        moderator_name: "Mona Moderator",
        action: "approve",
        comment_id: id,
        article_id: articleId,
        from_status: "pending",
        to_status: "approved",
        detail: null,
        subject_user_id: null,
      },
    ]);
  });

  it("approve does not apply to approved, spam or trash comments: skipped, nothing logged", async () => {
    const ids = [await comment("approved"), await comment("spam"), await comment("trash")];
    const { result, tags, log } = await traced(() => moderate(ids, "approve"));
    expect(result).toEqual({ changedIds: [], skipped: 3 });
    expect(tags).toEqual([]);
    expect(log).toEqual([]);
    expect(ids.map((id) => row(id)?.status)).toEqual(["approved", "spam", "trash"]);
  });

  it("unapprove: approved → pending, invalidating the article", async () => {
    const id = await comment("approved");
    const { result, tags, log } = await traced(() => moderate([id], "unapprove"));
    expect(result.changedIds).toEqual([id]);
    expect(row(id)?.status).toBe("pending");
    expect(tags).toEqual([`article:${articleId}`]);
    expect(log.map((entry) => [entry.action, entry.from_status, entry.to_status])).toEqual([["unapprove", "approved", "pending"]]);
    expect((await traced(() => moderate([id], "unapprove"))).result.skipped).toBe(1);
  });

  it("spam then not spam puts a pending comment back in the queue without touching any page", async () => {
    const id = await comment("pending");
    const spam = await traced(() => moderate([id], "spam"));
    expect(row(id)).toMatchObject({ status: "spam", previous_status: "pending" });
    expect(spam.tags).toEqual([]);
    expect(spam.log.map((entry) => [entry.action, entry.from_status, entry.to_status])).toEqual([["spam", "pending", "spam"]]);

    const back = await traced(() => moderate([id], "not-spam"));
    expect(row(id)).toMatchObject({ status: "pending", previous_status: null });
    expect(back.tags).toEqual([]);
    expect(back.log.map((entry) => [entry.action, entry.from_status, entry.to_status])).toEqual([["not-spam", "spam", "pending"]]);
  });

  it("spam then not spam puts an approved comment back on the article, invalidating it both times", async () => {
    const id = await comment("approved", { article: otherArticleId });
    expect((await traced(() => moderate([id], "spam"))).tags).toEqual([`article:${otherArticleId}`]);
    expect(row(id)).toMatchObject({ status: "spam", previous_status: "approved" });
    expect((await traced(() => moderate([id], "not-spam"))).tags).toEqual([`article:${otherArticleId}`]);
    expect(row(id)?.status).toBe("approved");
  });

  it("not spam on a comment the rules sent to spam (no earlier status) puts it in the queue", async () => {
    const id = await comment("spam");
    await moderate([id], "not-spam");
    expect(row(id)?.status).toBe("pending");
  });

  it("not spam applies only to spam, restore only to trash", async () => {
    const pending = await comment("pending");
    const trash = await comment("trash");
    expect((await moderate([pending, trash], "not-spam")).changedIds).toEqual([]);
    expect((await moderate([pending], "restore")).changedIds).toEqual([]);
    expect(row(pending)?.status).toBe("pending");
    expect(row(trash)?.status).toBe("trash");
  });

  it("trash then restore returns a comment to where it was", async () => {
    const id = await comment("approved");
    const trashed = await traced(() => moderate([id], "trash"));
    expect(row(id)).toMatchObject({ status: "trash", previous_status: "approved" });
    expect(trashed.tags).toEqual([`article:${articleId}`]);
    expect(trashed.log.map((entry) => [entry.action, entry.from_status, entry.to_status])).toEqual([["trash", "approved", "trash"]]);
    const restored = await traced(() => moderate([id], "restore"));
    expect(row(id)).toMatchObject({ status: "approved", previous_status: null });
    expect(restored.tags).toEqual([`article:${articleId}`]);
    expect(restored.log.map((entry) => [entry.action, entry.from_status, entry.to_status])).toEqual([["restore", "trash", "approved"]]);
  });

  it("moving between spam and trash keeps the status to go back to", async () => {
    const id = await comment("approved");
    await moderate([id], "spam");
    const toTrash = await traced(() => moderate([id], "trash"));
    expect(toTrash.tags).toEqual([]);
    expect(row(id)).toMatchObject({ status: "trash", previous_status: "approved" });
    await moderate([id], "restore");
    expect(row(id)?.status).toBe("approved");
  });

  it("spam and trash do not apply to a comment already there", async () => {
    const spam = await comment("spam");
    const trash = await comment("trash");
    expect((await moderate([spam], "spam")).skipped).toBe(1);
    expect((await moderate([trash], "trash")).skipped).toBe(1);
  });
});

describe("moderateComments: permanent deletion", () => {
  it("applies only to spam and trash", async () => {
    const ids = [await comment("pending"), await comment("approved")];
    const { result, log } = await traced(() => moderate(ids, "delete"));
    expect(result).toEqual({ changedIds: [], skipped: 2 });
    expect(log).toEqual([]);
    expect(ids.map((id) => row(id)?.status)).toEqual(["pending", "approved"]);
  });

  it("removes the comment, logs it (the log outlives it) and touches no page when no reader saw anything", async () => {
    const id = await comment("spam");
    const { result, tags, log } = await traced(() => moderate([id], "delete"));
    expect(result.changedIds).toEqual([id]);
    expect(row(id)).toBeUndefined();
    expect(tags).toEqual([]);
    expect(log).toEqual([
      expect.objectContaining({ action: "delete", comment_id: id, article_id: articleId, from_status: "spam", to_status: null, detail: "deleted permanently" }),
    ]);
  });

  it("moves its replies up to its own parent instead of deleting them with it", async () => {
    const top = await comment("approved");
    const middle = await comment("approved", { parentId: top });
    const reply = await comment("approved", { parentId: middle });
    const otherReply = await comment("pending", { parentId: middle });
    await moderate([middle], "trash");
    const { tags } = await traced(() => moderate([middle], "delete"));
    expect(row(middle)).toBeUndefined();
    expect(row(reply)).toMatchObject({ status: "approved", parent_id: top });
    expect(row(otherReply)).toMatchObject({ status: "pending", parent_id: top });
    // Readers saw the approved reply at the top level; now it threads under `top`.
    expect(tags).toEqual([`article:${articleId}`]);
  });

  it("re-threads correctly when a comment and its reply are deleted in one batch, in either order", async () => {
    for (const order of ["parent-first", "reply-first"] as const) {
      const root = await comment("approved");
      const a = await comment("trash", { parentId: root });
      const b = await comment("trash", { parentId: a });
      const c = await comment("pending", { parentId: b });
      const result = await moderate(order === "parent-first" ? [a, b] : [b, a], "delete");
      expect(result.changedIds).toHaveLength(2);
      expect(row(a)).toBeUndefined();
      expect(row(b)).toBeUndefined();
      expect(row(c)).toMatchObject({ status: "pending", parent_id: root });
    }
  });

  it("a top-level comment's replies become top-level", async () => {
    const top = await comment("spam");
    const reply = await comment("pending", { parentId: top });
    const { tags } = await traced(() => moderate([top], "delete"));
    expect(row(reply)?.parent_id).toBeNull();
    // The only moved reply is pending: no reader sees a difference.
    expect(tags).toEqual([]);
  });
});

describe("moderateComments: several at once", () => {
  it("changes every comment it applies to in one go, logs one row each and invalidates exactly their articles", async () => {
    const here = [await comment("pending"), await comment("pending")];
    const there = await comment("pending", { article: otherArticleId });
    const already = await comment("approved");
    const { result, tags, log } = await traced(() => moderate([...here, there, already, 999_999, here[0]!], "approve"));
    expect(result).toEqual({ changedIds: [...here, there], skipped: 2 });
    expect([...tags].sort()).toEqual([`article:${articleId}`, `article:${otherArticleId}`].sort());
    expect(log.map((entry) => [entry.comment_id, entry.article_id, entry.from_status, entry.to_status])).toEqual([
      [here[0], articleId, "pending", "approved"],
      [here[1], articleId, "pending", "approved"],
      [there, otherArticleId, "pending", "approved"],
    ]);
  });

  it("spamming pending comments in bulk changes no page", async () => {
    const ids = [await comment("pending"), await comment("pending", { article: otherArticleId })];
    const { result, tags, log } = await traced(() => moderate(ids, "spam"));
    expect(result.changedIds).toEqual(ids);
    expect(tags).toEqual([]);
    expect(log).toHaveLength(2);
  });

  it("is all or nothing: a failure part-way leaves every comment as it was", async () => {
    const id = await comment("pending");
    await expect(moderateComments({ moderator: { id: -1, displayName: "ghost" }, commentIds: [id], action: "approve" })).rejects.toThrow();
    expect(row(id)?.status).toBe("pending");
  });
});

describe("purgeOldTrash", () => {
  it("deletes trash older than 30 days, keeps the rest, re-threads replies and logs each removal", async () => {
    const longAgo = new Date(Date.now() - 31 * DAY_MS);
    const recently = new Date(Date.now() - 29 * DAY_MS);
    const parent = await comment("approved");
    const old = await comment("approved", { parentId: parent });
    const reply = await comment("approved", { parentId: old });
    const fresh = await comment("pending");
    const oldSpam = await comment("pending");
    await moderate([old], "trash", longAgo);
    await moderate([fresh], "trash", recently);
    await moderate([oldSpam], "spam", longAgo);

    const { result, tags, log } = await traced(() => purgeOldTrash());
    expect(result).toBe(1);
    expect(row(old)).toBeUndefined();
    expect(row(reply)).toMatchObject({ status: "approved", parent_id: parent });
    expect(row(fresh)?.status).toBe("trash");
    expect(row(oldSpam)?.status).toBe("spam");
    expect(tags).toEqual([`article:${articleId}`]);
    expect(log).toEqual([
      expect.objectContaining({ moderator_id: null, moderator_name: "Automatic trash purge", action: "delete", comment_id: old, from_status: "trash", to_status: null }),
    ]);

    expect(await purgeOldTrash()).toBe(0);
    expect(await purgeOldTrash({ olderThan: new Date() })).toBeGreaterThanOrEqual(1);
    expect(row(fresh)).toBeUndefined();
  });
});

describe("the queue's reads", () => {
  it("lists one status with author, ban and article; pending oldest first, the others newest first", async () => {
    const article = await newArticle(admin.id);
    const banned = await newUser("reader", "Banned Bea");
    await banUser({ userId: banned.id, reason: "rude", until: null });
    const base = Date.now() - 10_000;
    const ids: number[] = [];
    for (let index = 0; index < 3; index += 1) {
      const id = temp.db.$client
        .prepare("insert into comments (article_id, author_id, body, status, held_reason, created_at, updated_at) values (?, ?, ?, 'pending', 'first comment', ?, ?) returning id")
        .get(article, banned.id, `queued ${index}`, base + index, base + index) as { id: number };
      ids.push(id.id);
    }
    const pending = await listCommentsForModeration({ status: "pending", page: 1 });
    const ours = pending.items.filter((item) => item.article.id === article);
    expect(ours.map((item) => item.id)).toEqual(ids);
    expect(ours[0]).toMatchObject({
      body: "queued 0",
      deleted: false,
      status: "pending",
      heldReason: "first comment",
      article: { id: article, slug: expect.stringMatching(/^moderation-/), title: expect.any(String) },
      author: { id: banned.id, displayName: "Banned Bea", role: "reader", ban: { reason: "rude", until: null } },
    });
    const counts = await countCommentsByStatus();
    expect(pending.total).toBe(counts.pending);
    expect(await countPendingComments()).toBe(counts.pending);

    await moderate(ids, "approve");
    const approved = await listCommentsForModeration({ status: "approved", page: 1 });
    const approvedTimes = approved.items.map((item) => item.createdAt.getTime());
    expect(approvedTimes).toEqual([...approvedTimes].sort((a, b) => b - a));
    expect((await countCommentsByStatus()).pending).toBe(counts.pending - 3);
  });

  it("pages the list", async () => {
    const article = await newArticle(admin.id);
    for (let index = 0; index < MODERATION_PAGE_SIZE + 1; index += 1) await comment("trash", { article });
    const first = await listCommentsForModeration({ status: "trash", page: 1 });
    expect(first.items).toHaveLength(MODERATION_PAGE_SIZE);
    expect(first.pageCount).toBe(Math.ceil(first.total / MODERATION_PAGE_SIZE));
    const second = await listCommentsForModeration({ status: "trash", page: 2 });
    expect(second.items.length).toBeGreaterThan(0);
    expect(second.items.some((item) => first.items.some((other) => other.id === item.id))).toBe(false);
  });

  it("a comment whose author's account is gone has no author", async () => {
    const gone = await newUser("reader");
    const id = await comment("pending", { authorId: gone.id });
    temp.db.$client.prepare("delete from users where id = ?").run(gone.id);
    const listed = (await listCommentsForModeration({ status: "pending", page: 1 })).items.find((item) => item.id === id);
    expect(listed?.author).toBeNull();
  });
});

describe("banCommentAuthor", () => {
  it("bans a reader and logs it", async () => {
    const reader = await newUser("reader");
    const id = await comment("pending", { authorId: reader.id });
    const until = new Date(Date.now() + 7 * DAY_MS);
    const { result, tags, log } = await traced(() => banCommentAuthor({ moderator, commentId: id, reason: "spam links", until }));
    expect(result).toEqual({ ok: true, userId: reader.id });
    expect((await getSessionUserById({ id: reader.id }))?.ban).toEqual({ reason: "spam links", until });
    expect(tags).toEqual([]);
    expect(log).toEqual([
      expect.objectContaining({
        moderator_id: moderator.id,
        action: "ban",
        comment_id: id,
        article_id: articleId,
        subject_user_id: reader.id,
        detail: `until ${until.toISOString()}; reason: spam links`,
      }),
    ]);
  });

  it("lets a moderator ban readers and authors only, and admins anyone but themselves", async () => {
    const otherModerator = await newUser("moderator");
    const otherAdmin = await newUser("admin");
    const author = await newUser("author");
    const byModerator = await comment("approved", { authorId: otherModerator.id });
    const byAdmin = await comment("approved", { authorId: otherAdmin.id });
    const byAuthor = await comment("approved", { authorId: author.id });
    const own = await comment("approved", { authorId: admin.id });
    const ownModerator = await comment("approved", { authorId: moderator.id });

    const logBefore = latestLogId();
    expect(await banCommentAuthor({ moderator, commentId: byModerator })).toEqual({ ok: false, reason: "not-allowed" });
    expect(await banCommentAuthor({ moderator, commentId: byAdmin })).toEqual({ ok: false, reason: "not-allowed" });
    expect(await banCommentAuthor({ moderator, commentId: ownModerator })).toEqual({ ok: false, reason: "self" });
    expect(await banCommentAuthor({ moderator: admin, commentId: own })).toEqual({ ok: false, reason: "self" });
    expect(await banCommentAuthor({ moderator, commentId: 999_999 })).toEqual({ ok: false, reason: "not-found" });
    expect(logRowsAfter(logBefore)).toEqual([]);
    expect((await getSessionUserById({ id: otherModerator.id }))?.ban).toBeNull();

    expect(await banCommentAuthor({ moderator, commentId: byAuthor })).toEqual({ ok: true, userId: author.id });
    expect(await banCommentAuthor({ moderator: admin, commentId: byModerator })).toEqual({ ok: true, userId: otherModerator.id });
    expect(await banCommentAuthor({ moderator: admin, commentId: byAdmin })).toEqual({ ok: true, userId: otherAdmin.id });
    expect((await getSessionUserById({ id: otherAdmin.id }))?.ban).toEqual({ reason: null, until: null });
  });

  it("refuses a comment whose author's account is gone", async () => {
    const gone = await newUser("reader");
    const id = await comment("pending", { authorId: gone.id });
    temp.db.$client.prepare("delete from users where id = ?").run(gone.id);
    expect(await banCommentAuthor({ moderator, commentId: id })).toEqual({ ok: false, reason: "no-author" });
  });
});

describe("replying from the queue", () => {
  it("publishes the reply at once and approves the pending comment it answers, logging both", async () => {
    const pending = await comment("pending");
    const { result, tags, log } = await traced(() =>
      submitComment({ articleId, authorId: moderator.id, parentId: pending, body: "Thanks, approved.", fromModerationQueue: true }),
    );
    expect(result).toMatchObject({ ok: true, status: "approved" });
    expect(row(pending)?.status).toBe("approved");
    expect(tags).toEqual([`article:${articleId}`]);
    expect(log.map((entry) => [entry.action, entry.comment_id === pending, entry.from_status, entry.to_status])).toEqual([
      ["approve", true, "pending", "approved"],
      ["reply", false, null, "approved"],
    ]);
  });
});

describe("listModerationLog", () => {
  it("lists entries newest first with the article, the comment's status now and who was banned", async () => {
    const reader = await newUser("reader", "Logged Lou");
    const id = await comment("pending", { authorId: reader.id });
    await moderate([id], "approve");
    await banCommentAuthor({ moderator, commentId: id, reason: "test" });
    const first = await listModerationLog({ page: 1 });
    expect(first.items[0]).toMatchObject({
      action: "ban",
      moderatorName: "Mona Moderator",
      comment: { id, status: "approved" },
      article: { id: articleId, slug: "moderation-1" },
      subjectUser: { id: reader.id, displayName: "Logged Lou" },
      fromStatus: null,
      toStatus: null,
    });
    expect(first.items[1]).toMatchObject({ action: "approve", fromStatus: "pending", toStatus: "approved", comment: { id } });
    const ids = first.items.map((item) => item.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it("pages the log", async () => {
    const id = await comment("pending");
    for (let round = 0; round < MODERATION_LOG_PAGE_SIZE / 2; round += 1) {
      await moderate([id], "approve");
      await moderate([id], "unapprove");
    }
    const first = await listModerationLog({ page: 1 });
    expect(first.items).toHaveLength(MODERATION_LOG_PAGE_SIZE);
    expect(first.pageCount).toBeGreaterThan(1);
    const ids = first.items.map((item) => item.id);
    const second = await listModerationLog({ page: 2 });
    expect(second.items.length).toBeGreaterThan(0);
    expect(second.items.every((item) => item.id < ids[ids.length - 1]!)).toBe(true);
  });
});
