import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLatestCacheInvalidationId, listCacheInvalidationsAfter } from "@/db/cache-invalidation";
import { createArticle } from "@/db/queries/article-writes";
import { createUser } from "@/db/queries/auth-users";
import { deleteOwnComment, editOwnComment } from "@/db/queries/comment-author-writes";
import { listCommentsForModeration, moderateComments } from "@/db/queries/comment-moderation";
import {
  listCommentReportSummaries,
  listCommentsReportedBy,
  REPORTED_HELD_REASON,
  reportComment,
} from "@/db/queries/comment-reports";
import { listCommentVersions } from "@/db/queries/comment-versions";
import { listArticleComments, listCommentsByCommenter } from "@/db/queries/comments";
import { insertComment } from "@/db/queries/comment-writes";
import type { CommentStatus, UserRole } from "@/db/schema";
import { siteSettingsDefaults, type SiteSettings } from "@/lib/site-settings";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

let temp: TempDatabase;
let moderator: { id: number; displayName: string };
let articleId: number;
const settings: SiteSettings = { ...siteSettingsDefaults };

async function newUser(role: UserRole = "reader") {
  const displayName = `${role} ${Math.random().toString(36).slice(2)}`;
  const created = await createUser({ email: `${Math.random().toString(36).slice(2)}@example.com`, displayName, passwordHash: null, role });
  if (!created.ok) throw new Error("could not create user");
  return { id: created.id, displayName };
}

async function comment(authorId: number, status: CommentStatus = "approved", body = `Comment ${Math.random()}`) {
  return insertComment({ articleId, authorId, body, status, createdAt: new Date() });
}

function stored(id: number) {
  return temp.db.$client
    .prepare("select status, held_reason, moderation_note, moderated_by_id from comments where id = ?")
    .get(id) as { status: CommentStatus; held_reason: string | null; moderation_note: string | null; moderated_by_id: number | null };
}

function reportCount(id: number): number {
  return (temp.db.$client.prepare("select count(*) as n from comment_reports where comment_id = ?").get(id) as { n: number }).n;
}

function lastLog() {
  return temp.db.$client
    .prepare("select moderator_id, moderator_name, action, comment_id, from_status, to_status, detail from moderation_log order by id desc limit 1")
    .get();
}

beforeAll(async () => {
  temp = createTempDatabase({ seed: false });
  moderator = await newUser("moderator");
  const author = await newUser("author");
  articleId = await createArticle({
    slug: "reports-and-history",
    title: "Reports and history",
    status: "published",
    publishedAt: new Date(Date.now() - 60_000),
    authorId: author.id,
  });
});

afterAll(() => temp.cleanup());

describe("removal reasons", () => {
  it("stores the reason with spam or trash, logs it, shows it to the author only, and approval clears it", async () => {
    const author = await newUser();
    const other = await newUser();
    const id = await comment(author.id);
    await moderateComments({ moderator, commentIds: [id], action: "trash", note: "Personal attack" });
    expect(stored(id)).toMatchObject({ status: "trash", moderation_note: "Personal attack" });
    expect(lastLog()).toMatchObject({ action: "trash", comment_id: id, detail: "reason: Personal attack" });

    const own = await listArticleComments({ articleId, viewerId: author.id });
    expect(own.find((entry) => entry.id === id)).toMatchObject({ status: "removed", removalNote: "Personal attack" });
    expect((await listArticleComments({ articleId, viewerId: other.id })).some((entry) => entry.id === id)).toBe(false);
    expect((await listArticleComments({ articleId })).some((entry) => entry.id === id)).toBe(false);
    const listed = await listCommentsByCommenter({ authorId: author.id, page: 1 });
    expect(listed.items.find((entry) => entry.id === id)).toMatchObject({ status: "trash", moderationNote: "Personal attack", moderated: true });
    const queue = await listCommentsForModeration({ status: "trash", page: 1 });
    expect(queue.items.find((entry) => entry.id === id)?.moderationNote).toBe("Personal attack");

    // Trash to spam without a new reason keeps the first one; restoring and approving clear it.
    await moderateComments({ moderator, commentIds: [id], action: "spam" });
    expect(stored(id)).toMatchObject({ status: "spam", moderation_note: "Personal attack" });
    await moderateComments({ moderator, commentIds: [id], action: "not-spam" });
    expect(stored(id)).toMatchObject({ status: "approved", moderation_note: null });
    await moderateComments({ moderator, commentIds: [id], action: "spam", note: "Link farm" });
    expect(stored(id).moderation_note).toBe("Link farm");
    await moderateComments({ moderator, commentIds: [id], action: "not-spam" });
    await moderateComments({ moderator, commentIds: [id], action: "unapprove" });
    await moderateComments({ moderator, commentIds: [id], action: "approve", note: "ignored when approving" });
    expect(stored(id)).toMatchObject({ status: "approved", moderation_note: null });
  });

  it("gives every comment of a bulk action the same reason; without one, nothing is stored", async () => {
    const author = await newUser();
    const ids = [await comment(author.id, "pending"), await comment(author.id, "approved")];
    await moderateComments({ moderator, commentIds: ids, action: "spam", note: "Advertising" });
    expect(ids.map((id) => stored(id).moderation_note)).toEqual(["Advertising", "Advertising"]);
    const plain = await comment(author.id);
    await moderateComments({ moderator, commentIds: [plain], action: "trash" });
    expect(stored(plain).moderation_note).toBeNull();
    const own = await listArticleComments({ articleId, viewerId: author.id });
    expect(own.find((entry) => entry.id === plain)).toMatchObject({ status: "removed", removalNote: null });
  });

  it("a comment the rules sent to spam still reads as held to its author", async () => {
    const author = await newUser();
    const id = await comment(author.id, "spam");
    const own = await listArticleComments({ articleId, viewerId: author.id });
    expect(own.find((entry) => entry.id === id)).toMatchObject({ status: "pending", removalNote: null });
  });
});

describe("edit history", () => {
  it("keeps each replaced text in the edit's transaction, oldest first, and erases them when the author deletes", async () => {
    const author = await newUser();
    const posted = new Date(Date.now() - 60_000);
    const id = await insertComment({ articleId, authorId: author.id, body: "First text", status: "approved", createdAt: posted });
    const firstEdit = new Date(posted.getTime() + 10_000);
    const secondEdit = new Date(posted.getTime() + 20_000);
    expect(await editOwnComment({ commentId: id, authorId: author.id, body: "Second text", now: firstEdit, settings })).toMatchObject({ ok: true });
    expect(await editOwnComment({ commentId: id, authorId: author.id, body: "Third text", now: secondEdit, settings })).toMatchObject({ ok: true });
    // Saving the same text again is no new version.
    expect(await editOwnComment({ commentId: id, authorId: author.id, body: "Third text", now: secondEdit, settings })).toMatchObject({ ok: true });

    const versions = (await listCommentVersions({ commentIds: [id] })).get(id);
    expect(versions).toEqual([
      { body: "First text", writtenAt: posted, editedAt: firstEdit },
      { body: "Second text", writtenAt: firstEdit, editedAt: secondEdit },
    ]);
    // Readers see only the current text, with the time of the last edit.
    const shown = (await listArticleComments({ articleId })).find((entry) => entry.id === id);
    expect(shown).toMatchObject({ body: "Third text", editedAt: secondEdit });

    // A refused edit stores nothing.
    const refused = await editOwnComment({ commentId: id, authorId: author.id, body: "Late", now: new Date(posted.getTime() + 3_600_000), settings });
    expect(refused).toMatchObject({ ok: false, reason: "not-editable" });
    expect((await listCommentVersions({ commentIds: [id] })).get(id)).toHaveLength(2);

    // Deleted with a reply under it, the comment stays as a placeholder, without its earlier texts.
    await insertComment({ articleId, authorId: moderator.id, parentId: id, body: "A reply", status: "approved" });
    expect(await deleteOwnComment({ commentId: id, authorId: author.id })).toMatchObject({ ok: true });
    expect((await listCommentVersions({ commentIds: [id] })).has(id)).toBe(false);
  });
});

describe("reader reports", () => {
  it("one report per reader; not one's own; only published comments", async () => {
    const author = await newUser();
    const reader = await newUser();
    const id = await comment(author.id);
    expect(await reportComment({ commentId: id, reporterId: reader.id, reason: "spam", settings })).toMatchObject({ ok: true, returnedToQueue: false });
    expect(await reportComment({ commentId: id, reporterId: reader.id, reason: "other", settings })).toEqual({ ok: false, reason: "already-reported" });
    expect(await reportComment({ commentId: id, reporterId: author.id, reason: "spam", settings })).toEqual({ ok: false, reason: "own" });
    const held = await comment(author.id, "pending");
    expect(await reportComment({ commentId: held, reporterId: reader.id, reason: "spam", settings })).toEqual({ ok: false, reason: "not-found" });
    expect(await reportComment({ commentId: 999_999, reporterId: reader.id, reason: "spam", settings })).toEqual({ ok: false, reason: "not-found" });
    expect(reportCount(id)).toBe(1);
    expect(await listCommentsReportedBy({ articleId, reporterId: reader.id })).toEqual(new Set([id]));
    expect(await listCommentsReportedBy({ articleId, reporterId: author.id })).toEqual(new Set());
  });

  it("the report that reaches the threshold sends the comment back to Pending, invalidates the article and logs it", async () => {
    const author = await newUser();
    const id = await comment(author.id);
    const reasons = ["spam", "harassment", "spam"] as const;
    const reporters = [await newUser(), await newUser(), await newUser()];
    for (const [index, reporter] of reporters.slice(0, 2).entries()) {
      const before = getLatestCacheInvalidationId(temp.db);
      expect(await reportComment({ commentId: id, reporterId: reporter.id, reason: reasons[index]!, settings })).toMatchObject({ returnedToQueue: false });
      expect(listCacheInvalidationsAfter(temp.db, before)).toEqual([]);
      expect(stored(id).status).toBe("approved");
    }
    const before = getLatestCacheInvalidationId(temp.db);
    expect(await reportComment({ commentId: id, reporterId: reporters[2]!.id, reason: "spam", settings })).toMatchObject({ ok: true, returnedToQueue: true });
    expect(listCacheInvalidationsAfter(temp.db, before).map((entry) => entry.tag)).toEqual([`article:${articleId}`]);
    expect(stored(id)).toMatchObject({ status: "pending", held_reason: REPORTED_HELD_REASON, moderated_by_id: null });
    expect(lastLog()).toEqual({
      moderator_id: null,
      moderator_name: "Reader reports",
      action: "unapprove",
      comment_id: id,
      from_status: "approved",
      to_status: "pending",
      detail: "3 reader reports",
    });
    expect((await listArticleComments({ articleId })).some((entry) => entry.id === id)).toBe(false);

    const summary = (await listCommentReportSummaries({ commentIds: [id] })).get(id);
    expect(summary?.total).toBe(3);
    expect(summary?.reasons).toEqual([
      { reason: "spam", count: 2 },
      { reason: "harassment", count: 1 },
    ]);
    expect(summary?.reporters.map((reporter) => reporter.id)).toEqual(reporters.map((reporter) => reporter.id));

    // Approved after review: the reports are dismissed, so the same readers' reports no longer count.
    await moderateComments({ moderator, commentIds: [id], action: "approve" });
    expect(stored(id).status).toBe("approved");
    expect(reportCount(id)).toBe(0);
    expect((await listCommentReportSummaries({ commentIds: [id] })).has(id)).toBe(false);
    expect(await reportComment({ commentId: id, reporterId: reporters[0]!.id, reason: "spam", settings })).toMatchObject({ ok: true, returnedToQueue: false });
  });

  it("follows the threshold setting", async () => {
    const author = await newUser();
    const id = await comment(author.id);
    const once = { ...settings, commentReportThreshold: 1 };
    expect(await reportComment({ commentId: id, reporterId: (await newUser()).id, reason: "off-topic", settings: once })).toMatchObject({ returnedToQueue: true });
    expect(stored(id).status).toBe("pending");
  });

  it("a report row goes with its reporter's account", async () => {
    const author = await newUser();
    const reporter = await newUser();
    const id = await comment(author.id);
    await reportComment({ commentId: id, reporterId: reporter.id, reason: "spam", settings });
    temp.db.$client.prepare("delete from users where id = ?").run(reporter.id);
    expect(reportCount(id)).toBe(0);
  });
});
