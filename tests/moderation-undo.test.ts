import fs from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getLatestCacheInvalidationId, listCacheInvalidationsAfter } from "@/db/cache-invalidation";
import { createArticle } from "@/db/queries/article-writes";
import { createUser } from "@/db/queries/auth-users";
import { editOwnComment } from "@/db/queries/comment-author-writes";
import { moderateComments, type ModerationCommand } from "@/db/queries/comment-moderation";
import { insertComment } from "@/db/queries/comment-writes";
import { isModerationBatchId, newModerationBatchId } from "@/db/queries/moderation-batch-id";
import { listModerationLog } from "@/db/queries/moderation-log";
import { getUndoableBatch, UNDO_WINDOW_MS, undoModerationBatch } from "@/db/queries/moderation-undo";
import type { CommentStatus, UserRole } from "@/db/schema";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

// lib/clock.ts reads CLOCK_OFFSET_FILE when it is first imported, so it is set before any import:
// the window test moves "now" the way the e2e server's clock is moved.
const clockFile = vi.hoisted(() => {
  const file = `${process.env.TMPDIR ?? "/tmp"}/moderation-undo-clock-${process.pid}`;
  process.env.CLOCK_OFFSET_FILE = file;
  return file;
});

function moveClock(offsetMs: number): void {
  fs.writeFileSync(clockFile, String(offsetMs));
}

let temp: TempDatabase;
let moderator: { id: number; displayName: string; role: UserRole };
let otherModerator: { id: number; displayName: string; role: UserRole };
let reader: { id: number; displayName: string; role: UserRole };
let articleId: number;
let otherArticleId: number;

async function newUser(role: UserRole, displayName: string) {
  const created = await createUser({ email: `${Math.random().toString(36).slice(2)}@example.com`, displayName, passwordHash: null, role });
  if (!created.ok) throw new Error("could not create user");
  return { id: created.id, displayName, role };
}

let articleCount = 0;
async function newArticle(authorId: number): Promise<number> {
  articleCount += 1;
  return createArticle({
    slug: `undo-${articleCount}`,
    title: `Undo article ${articleCount}`,
    status: "published",
    publishedAt: new Date(Date.now() - 60_000),
    authorId,
  });
}

async function comment(status: CommentStatus, article = articleId) {
  return insertComment({ articleId: article, authorId: reader.id, parentId: null, body: `Comment ${Math.random()}`, status });
}

type Row = { status: CommentStatus; previous_status: CommentStatus | null; moderated_by_id: number | null };
function row(id: number): Row | undefined {
  return temp.db.$client.prepare("select status, previous_status, moderated_by_id from comments where id = ?").get(id) as Row | undefined;
}

type LogRow = {
  id: number;
  moderator_id: number | null;
  action: string;
  comment_id: number;
  article_id: number;
  from_status: string | null;
  to_status: string | null;
  batch_id: string | null;
  undoes_id: number | null;
};
function logRows(where: string, ...params: unknown[]): LogRow[] {
  return temp.db.$client
    .prepare(`select id, moderator_id, action, comment_id, article_id, from_status, to_status, batch_id, undoes_id from moderation_log where ${where} order by id`)
    .all(...params) as LogRow[];
}
function latestLogId(): number {
  return (temp.db.$client.prepare("select coalesce(max(id), 0) as id from moderation_log").get() as { id: number }).id;
}

async function traced<T>(write: () => Promise<T>): Promise<{ result: T; tags: string[]; log: LogRow[] }> {
  const tagsBefore = getLatestCacheInvalidationId(temp.db);
  const logBefore = latestLogId();
  const result = await write();
  return { result, tags: listCacheInvalidationsAfter(temp.db, tagsBefore).map((entry) => entry.tag), log: logRows("id > ?", logBefore) };
}

// A command as the queue makes it: with a batch id it can then offer to undo.
async function command(commentIds: number[], action: ModerationCommand, by = moderator) {
  const batchId = newModerationBatchId();
  const outcome = await moderateComments({ moderator: by, commentIds, action, batchId });
  return { batchId, ...outcome };
}

function undo(batchId: string, by = moderator) {
  return undoModerationBatch({ moderator: by, batchId });
}

beforeAll(async () => {
  temp = createTempDatabase({ seed: false });
  moderator = await newUser("moderator", "Mona Moderator");
  otherModerator = await newUser("moderator", "Otto Other");
  reader = await newUser("reader", "Rita Reader");
  articleId = await newArticle(moderator.id);
  otherArticleId = await newArticle(moderator.id);
});

beforeEach(() => moveClock(0));

afterAll(() => {
  temp.cleanup();
  fs.rmSync(clockFile, { force: true });
});

describe("batch ids", () => {
  it("every row of one command shares its batch id; a command made without one still gets one", async () => {
    const ids = [await comment("pending"), await comment("pending")];
    const made = await command(ids, "spam");
    expect(isModerationBatchId(made.batchId)).toBe(true);
    expect(logRows("batch_id = ?", made.batchId).map((entry) => entry.comment_id)).toEqual(ids);

    const { log } = await traced(() => moderateComments({ moderator, commentIds: [ids[0] ?? 0], action: "trash" }));
    expect(log).toHaveLength(1);
    expect(isModerationBatchId(log[0]?.batch_id)).toBe(true);
    expect(log[0]?.batch_id).not.toBe(made.batchId);
    expect(isModerationBatchId("not-a-batch")).toBe(false);
  });
});

describe("undoModerationBatch", () => {
  it("puts a comment marked as spam back in the queue, logging the undo and touching no page", async () => {
    const id = await comment("pending");
    const made = await command([id], "spam");
    expect(row(id)).toMatchObject({ status: "spam", previous_status: "pending" });
    const original = logRows("batch_id = ?", made.batchId)[0];

    const { result, tags, log } = await traced(() => undo(made.batchId));
    expect(result).toEqual({ ok: true, command: "spam", restoredIds: [id] });
    expect(row(id)).toMatchObject({ status: "pending", previous_status: null, moderated_by_id: moderator.id });
    expect(tags).toEqual([]);
    expect(log).toEqual([
      {
        id: expect.any(Number),
        moderator_id: moderator.id,
        action: "undo",
        comment_id: id,
        article_id: articleId,
        from_status: "spam",
        to_status: "pending",
        batch_id: expect.any(String),
        undoes_id: original?.id,
      },
    ]);
    expect(log[0]?.batch_id).not.toBe(made.batchId);
  });

  it("undoes a bulk approval as a whole and invalidates each article readers see a change on", async () => {
    const first = await comment("pending");
    const second = await comment("pending", otherArticleId);
    const alreadyApproved = await comment("approved");
    const made = await command([first, second, alreadyApproved], "approve");
    expect(made.changedIds).toEqual([first, second]);

    const { result, tags, log } = await traced(() => undo(made.batchId));
    expect(result).toEqual({ ok: true, command: "approve", restoredIds: [first, second] });
    expect([row(first)?.status, row(second)?.status, row(alreadyApproved)?.status]).toEqual(["pending", "pending", "approved"]);
    expect(tags.sort()).toEqual([`article:${articleId}`, `article:${otherArticleId}`].sort());
    expect(log.map((entry) => [entry.action, entry.comment_id, entry.from_status, entry.to_status])).toEqual([
      ["undo", first, "approved", "pending"],
      ["undo", second, "approved", "pending"],
    ]);
    expect(new Set(log.map((entry) => entry.batch_id)).size).toBe(1);
  });

  it("brings a trashed approved comment back to its article", async () => {
    const id = await comment("approved");
    const made = await command([id], "trash");
    const { result, tags } = await traced(() => undo(made.batchId));
    expect(result.ok).toBe(true);
    expect(row(id)).toMatchObject({ status: "approved", previous_status: null });
    expect(tags).toEqual([`article:${articleId}`]);
  });

  it("keeps where Not spam and Restore send a comment, through spam ↔ trash and back", async () => {
    const id = await comment("approved");
    await command([id], "spam");
    const toTrash = await command([id], "trash");
    expect(row(id)).toMatchObject({ status: "trash", previous_status: "approved" });
    expect((await undo(toTrash.batchId)).ok).toBe(true);
    expect(row(id)).toMatchObject({ status: "spam", previous_status: "approved" });

    const notSpam = await command([id], "not-spam");
    expect(row(id)).toMatchObject({ status: "approved", previous_status: null });
    const { tags } = await traced(() => undo(notSpam.batchId));
    expect(row(id)).toMatchObject({ status: "spam", previous_status: "approved" });
    expect(tags).toEqual([`article:${articleId}`]);
    await command([id], "not-spam");
    expect(row(id)?.status).toBe("approved");
  });

  it("refuses after a minute (by lib/clock.ts), and accepts just before", async () => {
    const late = await comment("pending");
    const lateBatch = await command([late], "trash");
    moveClock(UNDO_WINDOW_MS + 1_000);
    const { result, tags, log } = await traced(() => undo(lateBatch.batchId));
    expect(result).toEqual({ ok: false, reason: "expired" });
    expect(row(late)?.status).toBe("trash");
    expect(tags).toEqual([]);
    expect(log).toEqual([]);

    moveClock(0);
    const inTime = await comment("pending");
    const inTimeBatch = await command([inTime], "trash");
    moveClock(UNDO_WINDOW_MS - 1_000);
    expect((await undo(inTimeBatch.batchId)).ok).toBe(true);
    expect(row(inTime)?.status).toBe("pending");
  });

  it("is for the moderator who made the change only", async () => {
    const id = await comment("pending");
    const made = await command([id], "spam");
    const { result, log } = await traced(() => undo(made.batchId, otherModerator));
    expect(result).toEqual({ ok: false, reason: "not-yours" });
    expect(row(id)?.status).toBe("spam");
    expect(log).toEqual([]);
  });

  it("refuses, all or nothing, when a comment was moderated again since", async () => {
    const first = await comment("pending");
    const second = await comment("pending");
    const made = await command([first, second], "approve");
    await command([second], "trash", otherModerator);

    const { result, tags, log } = await traced(() => undo(made.batchId));
    expect(result).toEqual({ ok: false, reason: "changed", changedIds: [second] });
    expect([row(first)?.status, row(second)?.status]).toEqual(["approved", "trash"]);
    expect(tags).toEqual([]);
    expect(log).toEqual([]);
  });

  it("refuses when the commenter edited the comment since", async () => {
    const id = await comment("approved");
    const made = await command([id], "unapprove");
    const edited = await editOwnComment({ commentId: id, authorId: reader.id, body: "Edited after the moderator acted", now: new Date(Date.now() + 1_000) });
    expect(edited.ok).toBe(true);
    expect(await undo(made.batchId)).toEqual({ ok: false, reason: "changed", changedIds: [id] });
  });

  it("refuses when a comment of the batch is gone", async () => {
    const id = await comment("pending");
    const made = await command([id], "spam");
    await command([id], "delete", otherModerator);
    expect(await undo(made.batchId)).toEqual({ ok: false, reason: "changed", changedIds: [id] });
  });

  it("undoes once; permanent deletions, undos and unknown batches cannot be undone", async () => {
    const id = await comment("pending");
    const made = await command([id], "spam");
    expect((await undo(made.batchId)).ok).toBe(true);
    expect(await undo(made.batchId)).toEqual({ ok: false, reason: "already-undone" });

    const undoBatch = logRows("undoes_id is not null and comment_id = ?", id)[0]?.batch_id ?? "";
    expect(await undo(undoBatch)).toEqual({ ok: false, reason: "not-undoable" });

    const trashed = await comment("trash");
    const deleted = await command([trashed], "delete");
    expect(await undo(deleted.batchId)).toEqual({ ok: false, reason: "not-undoable" });
    expect(await undo(newModerationBatchId())).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("getUndoableBatch", () => {
  it("offers a command to its moderator for one minute, until it is undone", async () => {
    const ids = [await comment("pending"), await comment("pending")];
    const made = await command(ids, "trash");
    const offered = await getUndoableBatch({ batchId: made.batchId, moderatorId: moderator.id });
    expect(offered).toMatchObject({ batchId: made.batchId, command: "trash", count: 2 });
    expect(offered?.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(offered?.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + UNDO_WINDOW_MS);

    expect(await getUndoableBatch({ batchId: made.batchId, moderatorId: otherModerator.id })).toBeNull();
    moveClock(UNDO_WINDOW_MS + 1);
    expect(await getUndoableBatch({ batchId: made.batchId, moderatorId: moderator.id })).toBeNull();
    moveClock(0);
    await undo(made.batchId);
    expect(await getUndoableBatch({ batchId: made.batchId, moderatorId: moderator.id })).toBeNull();
  });
});

describe("the moderation log", () => {
  it("shows an undo with the entry it reverted, and marks that entry undone", async () => {
    const id = await comment("pending");
    const made = await command([id], "spam");
    await undo(made.batchId);
    const { items } = await listModerationLog({ page: 1 });
    const undoEntry = items.find((item) => item.action === "undo" && item.comment?.id === id);
    const original = items.find((item) => item.action === "spam" && item.comment?.id === id);
    expect(undoEntry).toMatchObject({ fromStatus: "spam", toStatus: "pending", undoes: { id: original?.id, action: "spam" }, undone: false });
    expect(original).toMatchObject({ undoes: null, undone: true });
  });
});
