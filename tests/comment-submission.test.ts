import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLatestCacheInvalidationId, listCacheInvalidationsAfter } from "@/db/cache-invalidation";
import { createArticle, setArticleStatus } from "@/db/queries/article-writes";
import { listPublishedArticlesByAuthor } from "@/db/queries/articles";
import { createUser } from "@/db/queries/auth-users";
import { deleteOwnComment, editOwnComment } from "@/db/queries/comment-author-writes";
import { submitComment, type CommentWriteResult } from "@/db/queries/comment-submission";
import { setCommentStatus } from "@/db/queries/comment-writes";
import { countApprovedComments, listArticleComments } from "@/db/queries/comments";
import { getSiteSettings, updateSiteSettings } from "@/db/queries/site-settings";
import { banUser, setUserRole, unbanUser } from "@/db/queries/user-admin";
import { comments, moderationLog, type CommentStatus, type UserRole } from "@/db/schema";
import { formatBanMessage } from "@/lib/ban-message";
import { commentRefusalMessages, type CommentRefusal } from "@/lib/comments/comment-refusals";
import { siteSettingsDefaults, type SiteSettings } from "@/lib/site-settings";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

let temp: TempDatabase;

// The defaults, passed explicitly so no test depends on what another wrote to the settings table.
const defaults: SiteSettings = { ...siteSettingsDefaults };
function settingsWith(changes: Partial<SiteSettings>): SiteSettings {
  return { ...defaults, ...changes };
}

// A clock that only moves forward, a minute per call, so the flood rule never fires by accident.
// It starts after "now" so every article created with the real time is already visible.
let clock = Date.now() + 60_000;
function later(ms = 60_000): Date {
  clock += ms;
  return new Date(clock);
}

let serial = 0;
async function newUser(role: UserRole = "reader", displayName = `${role} ${++serial}`): Promise<number> {
  const created = await createUser({ email: `user${++serial}@example.test`, displayName, passwordHash: null, role });
  if (!created.ok) throw new Error("could not create user");
  return created.id;
}

async function newArticle({
  authorId,
  status = "published",
  publishedAt,
  commentsOpen = true,
}: {
  authorId: number;
  status?: "published" | "draft" | "scheduled";
  publishedAt?: Date | null;
  commentsOpen?: boolean;
}): Promise<number> {
  serial += 1;
  return createArticle({
    slug: `comment-test-${serial}`,
    title: `Comment test ${serial}`,
    status,
    publishedAt: publishedAt ?? (status === "published" ? new Date(Date.now() - 60_000) : null),
    authorId,
    commentsOpen,
  });
}

// Runs a write and returns the cache tags it logged, in order.
async function loggedBy<T>(write: () => Promise<T>): Promise<{ result: T; tags: string[] }> {
  const before = getLatestCacheInvalidationId(temp.db);
  const result = await write();
  return { result, tags: listCacheInvalidationsAfter(temp.db, before).map((row) => row.tag) };
}

function commentRow(id: number) {
  return temp.db.select().from(comments).where(eq(comments.id, id)).get();
}

function countRows(table: "comments" | "moderation_log"): number {
  return (temp.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

function commentCount(): number {
  return countRows("comments");
}

function expectAccepted(result: CommentWriteResult, status?: CommentStatus): number {
  if (!result.ok) throw new Error(`expected the comment to be accepted, got ${result.reason}: ${result.message}`);
  if (status) expect(result.status).toBe(status);
  return result.commentId;
}

function refusal(reason: CommentRefusal) {
  return { ok: false, reason, message: commentRefusalMessages[reason] };
}

// Posts a comment with the default settings and a fresh time, unless told otherwise.
function post(input: Partial<Parameters<typeof submitComment>[0]> & { articleId: number; authorId: number }) {
  return submitComment({ body: `Comment ${++serial}`, now: later(), settings: defaults, ...input });
}

// A reader whose first comment has been approved, so later ones publish at once.
async function trustedReader(articleId: number, moderatorId: number): Promise<number> {
  const userId = await newUser("reader");
  const first = expectAccepted(await post({ articleId, authorId: userId }), "pending");
  expect(await setCommentStatus({ commentId: first, status: "approved", moderatorId })).toBe(true);
  return userId;
}

function depthOf(id: number): number {
  let depth = 1;
  let row = commentRow(id);
  while (row?.parentId) {
    depth += 1;
    row = commentRow(row.parentId);
  }
  return depth;
}

let authorId: number;
let moderatorId: number;
let adminId: number;
let articleId: number;

beforeAll(async () => {
  temp = createTempDatabase({ seed: false });
  authorId = await newUser("author", "Article Author");
  moderatorId = await newUser("moderator", "Mod");
  adminId = await newUser("admin", "Admin");
  articleId = await newArticle({ authorId });
});

afterAll(() => {
  temp.cleanup();
});

describe("refusals: nothing is stored and each carries its reason and message", () => {
  it("refuses a banned user with the ban's message, and accepts again once the ban has expired", async () => {
    const userId = await newUser();
    await banUser({ userId, reason: "posting spam", until: null });
    const before = commentCount();
    const forGood = await post({ articleId, authorId: userId });
    expect(forGood).toEqual({ ok: false, reason: "banned", message: "Your account is banned. Reason: posting spam" });

    const until = new Date(clock + 3_600_000);
    await banUser({ userId, reason: null, until });
    const temporary = await post({ articleId, authorId: userId });
    expect(temporary).toEqual({ ok: false, reason: "banned", message: formatBanMessage({ reason: null, until }, "UTC") });
    expect(temporary.ok ? "" : temporary.message).toMatch(/^Your account is banned until .+\.$/);
    expect(commentCount()).toBe(before);

    expectAccepted(await post({ articleId, authorId: userId, now: new Date(until.getTime() + 1) }));
    clock = until.getTime() + 1;
  });

  it("refuses a moderator or an admin who is banned too", async () => {
    const bannedModerator = await newUser("moderator");
    await banUser({ userId: bannedModerator, reason: null, until: null });
    expect(await post({ articleId, authorId: bannedModerator })).toEqual({
      ok: false,
      reason: "banned",
      message: "Your account is banned.",
    });
    await unbanUser({ userId: bannedModerator });
    expectAccepted(await post({ articleId, authorId: bannedModerator }), "approved");
  });

  it("refuses an account that does not exist", async () => {
    expect(await post({ articleId, authorId: 987_654 })).toEqual({
      ok: false,
      reason: "banned",
      message: "Your account no longer exists.",
    });
  });

  it("refuses comments on drafts, future scheduled articles and unknown articles", async () => {
    const userId = await newUser();
    const draft = await newArticle({ authorId, status: "draft" });
    const scheduled = await newArticle({ authorId, status: "scheduled", publishedAt: new Date(clock + 86_400_000) });
    const before = commentCount();
    for (const id of [draft, scheduled, 987_654]) {
      expect(await post({ articleId: id, authorId: userId })).toEqual(refusal("article-unavailable"));
    }
    // The article's author and a moderator cannot comment on a draft either.
    expect(await post({ articleId: draft, authorId })).toEqual(refusal("article-unavailable"));
    expect(await post({ articleId: draft, authorId: moderatorId })).toEqual(refusal("article-unavailable"));
    expect(commentCount()).toBe(before);
    // Once its time has come, a scheduled article takes comments.
    expectAccepted(await post({ articleId: scheduled, authorId: userId, now: new Date(clock + 86_400_001) }));
    clock += 86_400_001;
  });

  it("refuses comments on an unpublished article", async () => {
    const userId = await newUser();
    const id = await newArticle({ authorId });
    expect(await setArticleStatus({ articleId: id, status: "draft", publishedAt: null })).toBe(true);
    expect(await post({ articleId: id, authorId: userId })).toEqual(refusal("article-unavailable"));
  });

  it("refuses comments where comments are closed, for everyone", async () => {
    const closed = await newArticle({ authorId, commentsOpen: false });
    const before = commentCount();
    for (const userId of [await newUser(), authorId, moderatorId, adminId]) {
      expect(await post({ articleId: closed, authorId: userId })).toEqual(refusal("closed"));
    }
    expect(commentCount()).toBe(before);
  });

  it("refuses a reply to a comment that is not there to answer", async () => {
    const userId = await trustedReader(articleId, moderatorId);
    const otherArticle = await newArticle({ authorId });
    const elsewhere = expectAccepted(await post({ articleId: otherArticle, authorId: moderatorId }), "approved");
    const pending = expectAccepted(await post({ articleId, authorId: await newUser() }), "pending");
    const spam = expectAccepted(
      await post({ articleId, authorId: await newUser(), body: "cheap casino", settings: settingsWith({ commentDisallowedWords: "casino" }) }),
      "spam",
    );
    const trashed = expectAccepted(await post({ articleId, authorId: moderatorId }), "approved");
    await setCommentStatus({ commentId: trashed, status: "trash", moderatorId });

    const before = commentCount();
    for (const parentId of [elsewhere, pending, spam, trashed, 987_654]) {
      expect(await post({ articleId, authorId: userId, parentId }), `parent ${parentId}`).toEqual(refusal("parent-unavailable"));
    }
    // The article's own author is trusted but is no moderator: a held comment is not theirs to answer.
    expect(await post({ articleId, authorId, parentId: pending })).toEqual(refusal("parent-unavailable"));
    // Moderators cannot answer spam, trash or another article's comment either.
    for (const parentId of [elsewhere, spam, trashed]) {
      expect(await post({ articleId, authorId: moderatorId, parentId })).toEqual(refusal("parent-unavailable"));
    }
    expect(commentCount()).toBe(before);
  });

  it("refuses a reply to a deleted comment's placeholder", async () => {
    const userId = await trustedReader(articleId, moderatorId);
    const parent = expectAccepted(await post({ articleId, authorId: userId }), "approved");
    expectAccepted(await post({ articleId, authorId: moderatorId, parentId: parent }), "approved");
    expect(await deleteOwnComment({ commentId: parent, authorId: userId })).toMatchObject({ ok: true });
    expect(commentRow(parent)?.deletedAt).not.toBeNull();
    expect(await post({ articleId, authorId: moderatorId, parentId: parent })).toEqual(refusal("parent-unavailable"));
  });

  it("refuses a duplicate of the commenter's own comment on the same article, whatever its status", async () => {
    const userId = await newUser();
    const body = "I have said this before.";
    expectAccepted(await post({ articleId, authorId: userId, body }), "pending");
    const before = commentCount();
    const duplicate = await post({ articleId, authorId: userId, body });
    expect(duplicate).toEqual(refusal("duplicate"));
    expect(duplicate.ok ? "" : duplicate.message).toBe("Duplicate comment detected; it looks as though you've already said that!");
    // A reply with the same text is a duplicate too.
    const approved = expectAccepted(await post({ articleId, authorId: moderatorId }), "approved");
    expect(await post({ articleId, authorId: userId, body, parentId: approved })).toEqual(refusal("duplicate"));
    // Moderators are not exempt.
    const modBody = "A moderator repeats themself.";
    expectAccepted(await post({ articleId, authorId: moderatorId, body: modBody }), "approved");
    expect(await post({ articleId, authorId: moderatorId, body: modBody })).toEqual(refusal("duplicate"));
    expect(commentCount()).toBe(before + 2);
  });

  it("allows the same text on another article, by another user, with other letter case, or after trashing", async () => {
    const userId = await newUser();
    const body = "Same words everywhere.";
    const first = expectAccepted(await post({ articleId, authorId: userId, body }));
    expectAccepted(await post({ articleId: await newArticle({ authorId }), authorId: userId, body }));
    expectAccepted(await post({ articleId, authorId: await newUser(), body }));
    expectAccepted(await post({ articleId, authorId: userId, body: body.toUpperCase() }));
    await setCommentStatus({ commentId: first, status: "trash", moderatorId });
    expectAccepted(await post({ articleId, authorId: userId, body }));
  });

  it("a spam comment still counts as a duplicate", async () => {
    const userId = await newUser();
    const settings = settingsWith({ commentDisallowedWords: "casino" });
    expectAccepted(await post({ articleId, authorId: userId, body: "casino time", settings }), "spam");
    expect(await post({ articleId, authorId: userId, body: "casino time", settings })).toEqual(refusal("duplicate"));
  });

  it("refuses a second comment within the flood interval, on any article, and not after it", async () => {
    const userId = await newUser();
    const start = later();
    expectAccepted(await post({ articleId, authorId: userId, now: start }));
    const before = commentCount();
    const otherArticle = await newArticle({ authorId });
    const tooSoon = await post({ articleId: otherArticle, authorId: userId, now: new Date(start.getTime() + 14_999) });
    expect(tooSoon).toEqual(refusal("flood"));
    expect(tooSoon.ok ? "" : tooSoon.message).toBe("You are posting comments too quickly. Slow down.");
    expect(commentCount()).toBe(before);
    // The refused attempt does not restart the interval.
    expectAccepted(await post({ articleId: otherArticle, authorId: userId, now: new Date(start.getTime() + 15_000) }));
    clock = start.getTime() + 15_000;
  });

  it("follows the flood setting: longer, or off at 0", async () => {
    const userId = await newUser();
    const start = later();
    const slow = settingsWith({ commentFloodSeconds: 60 });
    expectAccepted(await post({ articleId, authorId: userId, now: start, settings: slow }));
    expect(await post({ articleId, authorId: userId, now: new Date(start.getTime() + 59_000), settings: slow })).toEqual(
      refusal("flood"),
    );
    const off = settingsWith({ commentFloodSeconds: 0 });
    expectAccepted(await post({ articleId, authorId: userId, now: start, settings: off }));
    expectAccepted(await post({ articleId, authorId: userId, now: start, settings: off }));
  });

  it("does not apply the flood rule to moderators and admins", async () => {
    const at = later();
    for (const userId of [moderatorId, adminId]) {
      expectAccepted(await post({ articleId, authorId: userId, now: at }), "approved");
      expectAccepted(await post({ articleId, authorId: userId, now: at }), "approved");
    }
  });

  it("applies the flood rule to the article's own author", async () => {
    const ownerId = await newUser("author");
    const own = await newArticle({ authorId: ownerId });
    const at = later();
    expectAccepted(await post({ articleId: own, authorId: ownerId, now: at }), "approved");
    expect(await post({ articleId: own, authorId: ownerId, now: new Date(at.getTime() + 1000) })).toEqual(refusal("flood"));
  });

  it("checks duplicates before flooding", async () => {
    const userId = await newUser();
    const at = later();
    expectAccepted(await post({ articleId, authorId: userId, body: "Twice, quickly.", now: at }));
    expect(await post({ articleId, authorId: userId, body: "Twice, quickly.", now: new Date(at.getTime() + 1) })).toEqual(
      refusal("duplicate"),
    );
  });

  it("refused posts log no cache invalidation", async () => {
    const userId = await newUser();
    await banUser({ userId, reason: null, until: null });
    const { tags } = await loggedBy(async () => {
      await post({ articleId, authorId: userId });
      await post({ articleId: 987_654, authorId: moderatorId });
      await post({ articleId, authorId: moderatorId, parentId: 987_654 });
    });
    expect(tags).toEqual([]);
  });
});

describe("moderation rules", () => {
  it("holds a reader's first comments until one is approved, then publishes the next at once", async () => {
    const userId = await newUser();
    const first = await loggedBy(() => post({ articleId, authorId: userId }));
    const firstId = expectAccepted(first.result, "pending");
    expect(first.tags).toEqual([]);
    expect(commentRow(firstId)).toMatchObject({ status: "pending", heldReason: "first comment", parentId: null });

    // Still held while the first waits.
    const second = expectAccepted(await post({ articleId, authorId: userId }), "pending");
    expect(commentRow(second)?.heldReason).toBe("first comment");

    await setCommentStatus({ commentId: firstId, status: "approved", moderatorId });
    const third = await loggedBy(() => post({ articleId, authorId: userId }));
    const thirdId = expectAccepted(third.result, "approved");
    expect(commentRow(thirdId)?.heldReason).toBeNull();
    expect(third.tags).toEqual([`article:${articleId}`]);
  });

  it("an approved comment on any article counts, a deleted placeholder does not", async () => {
    const userId = await trustedReader(await newArticle({ authorId }), moderatorId);
    expectAccepted(await post({ articleId, authorId: userId }), "approved");

    const other = await newUser();
    const first = expectAccepted(await post({ articleId, authorId: other }), "pending");
    await setCommentStatus({ commentId: first, status: "approved", moderatorId });
    expectAccepted(await post({ articleId, authorId: moderatorId, parentId: first }), "approved");
    await deleteOwnComment({ commentId: first, authorId: other });
    expect(commentRow(first)?.deletedAt).not.toBeNull();
    expect(await post({ articleId, authorId: other })).toMatchObject({ ok: true, status: "pending" });
  });

  it("publishes a first comment when prior approval is turned off", async () => {
    const userId = await newUser();
    const settings = settingsWith({ commentsRequirePriorApproval: false });
    expectAccepted(await post({ articleId, authorId: userId, settings }), "approved");
  });

  it("holds a comment with more than the allowed number of links", async () => {
    const userId = await trustedReader(articleId, moderatorId);
    const two = "See https://a.example.org and www.b.example.org";
    expectAccepted(await post({ articleId, authorId: userId, body: two }), "approved");
    const three = await loggedBy(() => post({ articleId, authorId: userId, body: `${two} and http://c.example.org` }));
    const id = expectAccepted(three.result, "pending");
    expect(commentRow(id)?.heldReason).toBe("it contains 3 links");
    expect(three.tags).toEqual([]);
    // The limit is a setting.
    const none = settingsWith({ commentMaxLinks: 0 });
    expectAccepted(await post({ articleId, authorId: userId, body: "just https://x.example.org", settings: none }), "pending");
  });

  it("sends a comment with a disallowed word to spam, even from a reader with approved comments", async () => {
    const userId = await trustedReader(articleId, moderatorId);
    const settings = settingsWith({ commentDisallowedWords: "casino\ncheap pills" });
    const { result, tags } = await loggedBy(() => post({ articleId, authorId: userId, body: "Try my CASINO!", settings }));
    const id = expectAccepted(result, "spam");
    expect(commentRow(id)?.heldReason).toBe("it contains a disallowed word (“casino”)");
    expect(tags).toEqual([]);
    // Whole words only.
    expectAccepted(await post({ articleId, authorId: userId, body: "Casinos and cheap pillows", settings }), "approved");
  });

  it("holds every reader comment when the hold-all setting is on", async () => {
    const userId = await trustedReader(articleId, moderatorId);
    const settings = settingsWith({ commentsHoldAll: true });
    const id = expectAccepted(await post({ articleId, authorId: userId, settings }), "pending");
    expect(commentRow(id)?.heldReason).toBe("every comment is reviewed before it is published");
    expectAccepted(await post({ articleId, authorId: moderatorId, settings }), "approved");
  });

  it("publishes moderators', admins' and the article author's comments at once, whatever they contain", async () => {
    const settings = settingsWith({ commentDisallowedWords: "casino", commentsHoldAll: true });
    const body = (who: string) => `${who}: casino https://a.example.org https://b.example.org https://c.example.org`;
    for (const [who, userId] of [["moderator", moderatorId], ["admin", adminId], ["author", authorId]] as const) {
      const { result, tags } = await loggedBy(() => post({ articleId, authorId: userId, body: body(who), settings }));
      const id = expectAccepted(result, "approved");
      expect(commentRow(id)?.heldReason).toBeNull();
      expect(tags).toEqual([`article:${articleId}`]);
    }
  });

  it("an author is trusted on their own article only", async () => {
    const otherAuthor = await newUser("author");
    expectAccepted(await post({ articleId, authorId: otherAuthor }), "pending");
    const own = await newArticle({ authorId: otherAuthor });
    expectAccepted(await post({ articleId: own, authorId: otherAuthor }), "approved");
  });

  it("a role change takes effect on the next comment", async () => {
    const userId = await newUser();
    expectAccepted(await post({ articleId, authorId: userId }), "pending");
    expect(await setUserRole({ userId, role: "moderator" })).toEqual({ ok: true, previousRole: "reader" });
    expectAccepted(await post({ articleId, authorId: userId }), "approved");
    expect(await setUserRole({ userId, role: "reader" })).toEqual({ ok: true, previousRole: "moderator" });
    // Back to the rules (the comment made as a moderator counts as an approved one).
    const links = "https://a.example.org https://b.example.org https://c.example.org";
    expectAccepted(await post({ articleId, authorId: userId, body: links }), "pending");
  });
});

describe("moderators replying to a held comment", () => {
  it("approves the held comment, logs the approval, and invalidates the article once", async () => {
    const readerId = await newUser();
    const held = expectAccepted(await post({ articleId, authorId: readerId }), "pending");
    const at = later();
    const { result, tags } = await loggedBy(() =>
      submitComment({ articleId, authorId: moderatorId, parentId: held, body: "Welcome!", now: at, settings: defaults }),
    );
    const reply = expectAccepted(result, "approved");
    expect(tags).toEqual([`article:${articleId}`]);
    expect(commentRow(reply)).toMatchObject({ parentId: held, status: "approved" });
    expect(commentRow(held)).toMatchObject({ status: "approved", moderatedById: moderatorId });
    expect(commentRow(held)?.moderatedAt?.getTime()).toBe(at.getTime());

    const log = temp.db.select().from(moderationLog).where(eq(moderationLog.commentId, held)).all();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      moderatorId,
      moderatorName: "Mod",
      action: "approve",
      commentId: held,
      articleId,
      fromStatus: "pending",
      toStatus: "approved",
      detail: "approved by replying",
    });
    // Not from the queue: no "reply" entry.
    expect(temp.db.select().from(moderationLog).where(eq(moderationLog.commentId, reply)).all()).toEqual([]);

    // The reader now has an approved comment.
    expectAccepted(await post({ articleId, authorId: readerId }), "approved");
  });

  it("a reply from the moderation queue is logged as a reply too", async () => {
    const held = expectAccepted(await post({ articleId, authorId: await newUser() }), "pending");
    const reply = expectAccepted(
      await post({ articleId, authorId: adminId, parentId: held, fromModerationQueue: true, body: "From the queue" }),
      "approved",
    );
    const entries = temp.db
      .select()
      .from(moderationLog)
      .where(and(eq(moderationLog.action, "reply"), eq(moderationLog.commentId, reply)))
      .all();
    expect(entries).toEqual([
      expect.objectContaining({
        moderatorId: adminId,
        moderatorName: "Admin",
        articleId,
        toStatus: "approved",
        detail: `in reply to comment ${held}`,
      }),
    ]);
  });

  it("a refused reply leaves the held comment held and logs nothing", async () => {
    const held = expectAccepted(await post({ articleId, authorId: await newUser() }), "pending");
    const body = "Duplicate moderator reply";
    expectAccepted(await post({ articleId, authorId: moderatorId, body }), "approved");
    const logBefore = countRows("moderation_log");
    const { result, tags } = await loggedBy(() => post({ articleId, authorId: moderatorId, parentId: held, body }));
    expect(result).toEqual(refusal("duplicate"));
    expect(tags).toEqual([]);
    expect(commentRow(held)?.status).toBe("pending");
    expect(countRows("moderation_log")).toBe(logBefore);
  });
});

describe("thread depth", () => {
  async function chain(length: number, settings: SiteSettings): Promise<number[]> {
    const ids: number[] = [];
    for (let index = 0; index < length; index += 1) {
      ids.push(
        expectAccepted(await post({ articleId, authorId: moderatorId, parentId: ids.at(-1) ?? null, settings }), "approved"),
      );
    }
    return ids;
  }

  it("nests replies up to the default depth of 5, then attaches deeper replies at the deepest level", async () => {
    const ids = await chain(8, defaults);
    expect(ids.map(depthOf)).toEqual([1, 2, 3, 4, 5, 5, 5, 5]);
    // Each reply beyond depth 5 became a sibling under the comment at depth 4.
    for (const id of ids.slice(4)) expect(commentRow(id)?.parentId).toBe(ids[3]);
  });

  it("follows the depth setting", async () => {
    const three = settingsWith({ commentThreadDepth: 3 });
    const ids = await chain(5, three);
    expect(ids.map(depthOf)).toEqual([1, 2, 3, 3, 3]);
    expect(commentRow(ids[3]!)?.parentId).toBe(ids[1]);
    // A reply to a comment above the limit still nests normally.
    const reply = expectAccepted(await post({ articleId, authorId: moderatorId, parentId: ids[0], settings: three }));
    expect(commentRow(reply)?.parentId).toBe(ids[0]);
  });

  it("a depth of 1 turns every reply into a top-level comment", async () => {
    const flat = settingsWith({ commentThreadDepth: 1 });
    const ids = await chain(3, flat);
    expect(ids.map((id) => commentRow(id)?.parentId ?? null)).toEqual([null, null, null]);
  });

  it("a moderator's reply to a held comment at the limit approves it and attaches at the deepest level", async () => {
    const three = settingsWith({ commentThreadDepth: 3 });
    const ids = await chain(2, three);
    const deepest = expectAccepted(
      await post({ articleId, authorId: await trustedReader(articleId, moderatorId), parentId: ids[1], settings: three }),
      "approved",
    );
    expect(depthOf(deepest)).toBe(3);
    const held = expectAccepted(await post({ articleId, authorId: await newUser(), parentId: deepest, settings: three }), "pending");
    expect(commentRow(held)?.parentId).toBe(ids[1]);
    const reply = expectAccepted(await post({ articleId, authorId: moderatorId, parentId: held, settings: three }), "approved");
    expect(commentRow(held)?.status).toBe("approved");
    expect(commentRow(reply)?.parentId).toBe(ids[1]);
  });
});

describe("editing one's own comment", () => {
  it("edits within the window, keeps an approved comment approved, sets editedAt and invalidates the article", async () => {
    const userId = await trustedReader(articleId, moderatorId);
    const at = later();
    const id = expectAccepted(await post({ articleId, authorId: userId, body: "Original", now: at }), "approved");
    const editAt = new Date(at.getTime() + 10 * 60_000 - 1);
    const { result, tags } = await loggedBy(() =>
      editOwnComment({ commentId: id, authorId: userId, body: "Edited", now: editAt, settings: defaults }),
    );
    expect(result).toMatchObject({ ok: true, commentId: id, status: "approved" });
    expect(tags).toEqual([`article:${articleId}`]);
    const row = commentRow(id);
    expect(row).toMatchObject({ body: "Edited", status: "approved", heldReason: null });
    expect(row?.editedAt?.getTime()).toBe(editAt.getTime());
    expect(row?.createdAt.getTime()).toBe(at.getTime());
  });

  it("refuses an edit once the window has passed, and when editing is turned off", async () => {
    const userId = await newUser();
    const at = later();
    const id = expectAccepted(await post({ articleId, authorId: userId, now: at }));
    const edit = (now: Date, settings = defaults) => editOwnComment({ commentId: id, authorId: userId, body: `Late ${now.getTime()}`, now, settings });
    expect(await edit(new Date(at.getTime() + 10 * 60_000))).toEqual(refusal("not-editable"));
    expect(await edit(new Date(at.getTime() + 60_000), settingsWith({ commentEditMinutes: 0 }))).toEqual(refusal("not-editable"));
    expect(await edit(new Date(at.getTime() + 25 * 60_000), settingsWith({ commentEditMinutes: 30 }))).toMatchObject({ ok: true });
  });

  it("only the comment's author may edit it", async () => {
    const ownerId = await newUser();
    const id = expectAccepted(await post({ articleId, authorId: ownerId }));
    const now = new Date(clock + 1000);
    for (const intruder of [await newUser(), moderatorId, adminId, authorId]) {
      expect(await editOwnComment({ commentId: id, authorId: intruder, body: "Hijacked", now, settings: defaults })).toEqual(
        refusal("not-found"),
      );
    }
    expect(await editOwnComment({ commentId: 987_654, authorId: ownerId, body: "x", now, settings: defaults })).toEqual(
      refusal("not-found"),
    );
    expect(commentRow(id)?.body).not.toBe("Hijacked");
  });

  it("runs the rules again: an approved comment edited to contain 3 links goes back to the queue", async () => {
    const userId = await trustedReader(articleId, moderatorId);
    const at = later();
    const id = expectAccepted(await post({ articleId, authorId: userId, now: at }), "approved");
    const body = "https://a.example.org https://b.example.org https://c.example.org";
    const { result, tags } = await loggedBy(() =>
      editOwnComment({ commentId: id, authorId: userId, body, now: new Date(at.getTime() + 1000), settings: defaults }),
    );
    expect(result).toMatchObject({ ok: true, status: "pending" });
    expect(tags).toEqual([`article:${articleId}`]);
    expect(commentRow(id)).toMatchObject({ status: "pending", heldReason: "it contains 3 links" });
    expect((await listArticleComments({ articleId })).map((comment) => comment.id)).not.toContain(id);
  });

  it("an edit to a disallowed word sends the comment to spam, and spam is not editable", async () => {
    const userId = await trustedReader(articleId, moderatorId);
    const at = later();
    const settings = settingsWith({ commentDisallowedWords: "casino" });
    const id = expectAccepted(await post({ articleId, authorId: userId, now: at, settings }), "approved");
    const edited = await editOwnComment({ commentId: id, authorId: userId, body: "casino", now: new Date(at.getTime() + 1000), settings });
    expect(edited).toMatchObject({ ok: true, status: "spam" });
    expect(
      await editOwnComment({ commentId: id, authorId: userId, body: "sorry", now: new Date(at.getTime() + 2000), settings }),
    ).toEqual(refusal("not-editable"));
  });

  it("a held comment stays held after a clean edit and logs nothing", async () => {
    const userId = await newUser();
    const at = later();
    const id = expectAccepted(await post({ articleId, authorId: userId, now: at }), "pending");
    const { result, tags } = await loggedBy(() =>
      editOwnComment({ commentId: id, authorId: userId, body: "Better words", now: new Date(at.getTime() + 1000), settings: defaults }),
    );
    expect(result).toMatchObject({ ok: true, status: "pending" });
    expect(commentRow(id)).toMatchObject({ body: "Better words", heldReason: "first comment" });
    expect(tags).toEqual([]);
  });

  it("the duplicate check ignores the comment itself but not the author's other comments", async () => {
    const userId = await newUser();
    const at = later();
    const first = expectAccepted(await post({ articleId, authorId: userId, body: "First words", now: at }));
    const second = expectAccepted(await post({ articleId, authorId: userId, body: "Second words", now: new Date(at.getTime() + 20_000) }));
    const now = new Date(at.getTime() + 30_000);
    expect(await editOwnComment({ commentId: second, authorId: userId, body: "Second words", now, settings: defaults })).toMatchObject({
      ok: true,
    });
    expect(await editOwnComment({ commentId: second, authorId: userId, body: "First words", now, settings: defaults })).toEqual(
      refusal("duplicate"),
    );
    expect(commentRow(second)?.body).toBe("Second words");
    expect(commentRow(first)?.body).toBe("First words");
  });

  // A moderator's "Unapprove" must stick: an edit never publishes a held comment.
  it("an edit does not publish a comment a moderator unapproved", async () => {
    const userId = await trustedReader(articleId, moderatorId);
    const at = later();
    const id = expectAccepted(await post({ articleId, authorId: userId, body: "Borderline remark", now: at }), "approved");
    expect(await setCommentStatus({ commentId: id, status: "pending", moderatorId })).toBe(true);
    const edited = await editOwnComment({ commentId: id, authorId: userId, body: "Borderline remark!", now: new Date(at.getTime() + 60_000), settings: defaults });
    expect(edited).toMatchObject({ ok: true, status: "pending" });
    expect(commentRow(id)?.status).toBe("pending");
  });

  it("a banned user cannot edit", async () => {
    const userId = await newUser();
    const at = later();
    const id = expectAccepted(await post({ articleId, authorId: userId, now: at }));
    await banUser({ userId, reason: "rude", until: null, now: at });
    expect(await editOwnComment({ commentId: id, authorId: userId, body: "x", now: new Date(at.getTime() + 1000), settings: defaults })).toEqual({
      ok: false,
      reason: "banned",
      message: "Your account is banned. Reason: rude",
    });
  });
});

describe("deleting one's own comment", () => {
  it("removes a comment without replies; an approved one invalidates the article, a held one does not", async () => {
    const userId = await trustedReader(articleId, moderatorId);
    const approved = expectAccepted(await post({ articleId, authorId: userId }), "approved");
    const held = expectAccepted(await post({ articleId, authorId: userId, body: "https://a.example https://b.example https://c.example" }), "pending");

    const first = await loggedBy(() => deleteOwnComment({ commentId: approved, authorId: userId }));
    expect(first.result).toMatchObject({ ok: true });
    expect(first.tags).toEqual([`article:${articleId}`]);
    expect(commentRow(approved)).toBeUndefined();

    const second = await loggedBy(() => deleteOwnComment({ commentId: held, authorId: userId }));
    expect(second.result).toMatchObject({ ok: true });
    expect(second.tags).toEqual([]);
    expect(commentRow(held)).toBeUndefined();
  });

  it("leaves a placeholder for a comment with replies: text erased, replies kept, not counted", async () => {
    const article = await newArticle({ authorId });
    const userId = await trustedReader(article, moderatorId);
    const parent = expectAccepted(await post({ articleId: article, authorId: userId, body: "Secret words" }), "approved");
    const reply = expectAccepted(await post({ articleId: article, authorId: moderatorId, parentId: parent }), "approved");
    expect(await countApprovedComments({ articleId: article })).toBe(3);

    const at = later();
    const { result, tags } = await loggedBy(() => deleteOwnComment({ commentId: parent, authorId: userId, now: at }));
    expect(result).toMatchObject({ ok: true });
    expect(tags).toEqual([`article:${article}`]);
    const row = commentRow(parent);
    expect(row).toMatchObject({ body: "", status: "approved" });
    expect(row?.deletedAt?.getTime()).toBe(at.getTime());

    const listed = await listArticleComments({ articleId: article });
    const placeholder = listed.find((comment) => comment.id === parent);
    expect(placeholder).toMatchObject({ deleted: true, body: "" });
    expect(JSON.stringify(listed)).not.toContain("Secret words");
    expect(listed.find((comment) => comment.id === reply)).toMatchObject({ parentId: parent, deleted: false });

    expect(await countApprovedComments({ articleId: article })).toBe(2);
    const listing = await listPublishedArticlesByAuthor({ authorId, page: 1, perPage: 100 });
    expect(listing.items.find((item) => item.id === article)?.commentCount).toBe(2);

    // Gone for good: it cannot be deleted or edited again.
    expect(await deleteOwnComment({ commentId: parent, authorId: userId })).toEqual(refusal("not-found"));
    expect(await editOwnComment({ commentId: parent, authorId: userId, body: "Back", now: later(), settings: defaults })).toEqual(
      refusal("not-found"),
    );
  });

  it("only the comment's author may delete it, and not once it is spam or trash", async () => {
    const ownerId = await trustedReader(articleId, moderatorId);
    const id = expectAccepted(await post({ articleId, authorId: ownerId }), "approved");
    for (const intruder of [await newUser(), moderatorId, adminId, authorId]) {
      expect(await deleteOwnComment({ commentId: id, authorId: intruder })).toEqual(refusal("not-found"));
    }
    expect(commentRow(id)).toBeDefined();
    await setCommentStatus({ commentId: id, status: "spam", moderatorId });
    expect(await deleteOwnComment({ commentId: id, authorId: ownerId })).toEqual(refusal("not-found"));
    await setCommentStatus({ commentId: id, status: "trash", moderatorId });
    expect(await deleteOwnComment({ commentId: id, authorId: ownerId })).toEqual(refusal("not-found"));
    expect(commentRow(id)).toBeDefined();
  });

  it("the same text may be posted again after the comment is deleted", async () => {
    const userId = await newUser();
    const id = expectAccepted(await post({ articleId, authorId: userId, body: "Say it again" }));
    await deleteOwnComment({ commentId: id, authorId: userId });
    expectAccepted(await post({ articleId, authorId: userId, body: "Say it again" }));
  });
});

describe("what readers see", () => {
  it("approved comments for everyone, oldest first, and only the viewer's own held ones", async () => {
    const article = await newArticle({ authorId });
    const alice = await newUser("reader", "Alice");
    const bob = await newUser("reader", "Bob");
    const settings = settingsWith({ commentDisallowedWords: "casino" });
    const t = later();
    const at = (seconds: number) => new Date(t.getTime() + seconds * 60_000);
    const aliceHeld = expectAccepted(await post({ articleId: article, authorId: alice, body: "Alice held", now: at(1) }), "pending");
    const bobHeld = expectAccepted(await post({ articleId: article, authorId: bob, body: "Bob held", now: at(2) }), "pending");
    const authorComment = expectAccepted(await post({ articleId: article, authorId, body: "Author says", now: at(3) }), "approved");
    const modComment = expectAccepted(await post({ articleId: article, authorId: moderatorId, body: "Mod says", now: at(0) }), "approved");
    const aliceSpam = expectAccepted(await post({ articleId: article, authorId: alice, body: "casino", now: at(4), settings }), "spam");
    const trashed = expectAccepted(await post({ articleId: article, authorId: adminId, body: "Trashed", now: at(5) }), "approved");
    await setCommentStatus({ commentId: trashed, status: "trash", moderatorId });
    clock = at(10).getTime();

    const anonymous = await listArticleComments({ articleId: article });
    expect(anonymous.map((comment) => comment.id)).toEqual([modComment, authorComment]);
    expect(anonymous.every((comment) => comment.status === "approved")).toBe(true);
    expect(anonymous[1]).toMatchObject({
      body: "Author says",
      deleted: false,
      editedAt: null,
      author: { id: authorId, displayName: "Article Author", hasAuthorPage: true },
    });
    expect(anonymous[0]?.author).toMatchObject({ id: moderatorId, hasAuthorPage: false });

    const asAlice = await listArticleComments({ articleId: article, viewerId: alice });
    const aliceIds = asAlice.map((comment) => comment.id);
    expect(aliceIds).toContain(aliceHeld);
    expect(aliceIds).not.toContain(bobHeld);
    expect(aliceIds).not.toContain(trashed);
    expect(asAlice.find((comment) => comment.id === aliceHeld)?.status).toBe("pending");
    // Her own comment the rules sent to spam looks to her like any held comment; to nobody else.
    expect(asAlice.find((comment) => comment.id === aliceSpam)?.status).toBe("pending");

    const asBob = await listArticleComments({ articleId: article, viewerId: bob });
    expect(asBob.map((comment) => comment.id)).toEqual([modComment, bobHeld, authorComment]);
    expect(asBob.map((comment) => comment.id)).not.toContain(aliceSpam);

    const asModerator = await listArticleComments({ articleId: article, viewerId: moderatorId });
    expect(asModerator.map((comment) => comment.id)).toEqual([modComment, authorComment]);

    expect(await countApprovedComments({ articleId: article })).toBe(2);
    const listing = await listPublishedArticlesByAuthor({ authorId, page: 1, perPage: 100 });
    expect(listing.items.find((item) => item.id === article)?.commentCount).toBe(2);

    // Once approved, Alice's comment is everyone's to see, in its place.
    await setCommentStatus({ commentId: aliceHeld, status: "approved", moderatorId });
    expect((await listArticleComments({ articleId: article, viewerId: bob })).map((comment) => comment.id)).toEqual([
      modComment,
      aliceHeld,
      bobHeld,
      authorComment,
    ]);
    expect(await countApprovedComments({ articleId: article })).toBe(3);
  });

  it("keeps markup in a comment as text", async () => {
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)> javascript:alert(1)';
    const id = expectAccepted(await post({ articleId, authorId: moderatorId, body: hostile }), "approved");
    expect((await listArticleComments({ articleId })).find((comment) => comment.id === id)?.body).toBe(hostile);
  });
});

describe("settings from the database", () => {
  it("submitComment reads the discussion settings when none are passed, and changing them purges nothing", async () => {
    const userId = await trustedReader(articleId, moderatorId);
    const saved = await getSiteSettings();
    try {
      const { tags } = await loggedBy(() => updateSiteSettings({ commentMaxLinks: 0, commentFloodSeconds: 0 }));
      expect(tags).toEqual([]);
      const at = later();
      const held = await submitComment({ articleId, authorId: userId, body: "link https://x.example.org", now: at });
      expect(held).toMatchObject({ ok: true, status: "pending" });
      // No flood refusal one millisecond later.
      const next = await submitComment({ articleId, authorId: userId, body: "plain words", now: new Date(at.getTime() + 1) });
      expect(next).toMatchObject({ ok: true, status: "approved" });
    } finally {
      await updateSiteSettings({ commentMaxLinks: saved.commentMaxLinks, commentFloodSeconds: saved.commentFloodSeconds });
    }
  });
});
