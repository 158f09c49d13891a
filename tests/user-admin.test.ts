import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countAdmins, createUser, getSessionUserById, setUserPassword } from "@/db/queries/auth-users";
import { createFirstAdmin } from "@/db/queries/first-admin";
import { findValidOneTimeToken, issueOneTimeToken } from "@/db/queries/one-time-tokens";
import { resetPasswordWithToken } from "@/db/queries/password-reset";
import { banUser, deleteUser, setUserRole, unbanUser } from "@/db/queries/user-admin";
import { getUserIdBySlug } from "@/db/queries/users";
import { insertComment } from "@/db/queries/comment-writes";
import { getPublishedArticleBySlug, countPublishedArticlesByAuthor } from "@/db/queries/articles";
import { listArticleComments } from "@/db/queries/comments";
import { can, hasRole } from "@/lib/permissions";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

let database: TempDatabase;

beforeAll(() => {
  database = createTempDatabase();
});

afterAll(() => database.cleanup());

async function newUser(role: "reader" | "author" | "moderator" | "admin", name = `${role} ${Math.random()}`) {
  const created = await createUser({ email: `${Math.random()}@example.com`, displayName: name, passwordHash: null, role });
  if (!created.ok) throw new Error("could not create user");
  return created.id;
}

function logged(): string[] {
  return (database.db.$client.prepare("select tag from cache_invalidations order by id").all() as { tag: string }[]).map((row) => row.tag);
}

describe("first-run setup", () => {
  it("creates the first admin once, from a valid setup token only", async () => {
    expect(await countAdmins()).toBe(0);
    const token = await issueOneTimeToken({ purpose: "setup", validForMs: 60_000 });
    expect(await createFirstAdmin({ token: "wrong", email: "a@example.com", displayName: "A", passwordHash: "h" })).toEqual({ ok: false, reason: "invalid-token" });
    expect(await createFirstAdmin({ token, email: "owen@demo.invalid", displayName: "A", passwordHash: "h" })).toEqual({ ok: false, reason: "email-taken" });
    expect(await createFirstAdmin({ token, email: "Admin@Example.com", displayName: "Admin", passwordHash: "h" })).toMatchObject({ ok: true });
    expect(await countAdmins()).toBe(1);
    const again = await issueOneTimeToken({ purpose: "setup", validForMs: 60_000 });
    expect(await createFirstAdmin({ token: again, email: "b@example.com", displayName: "B", passwordHash: "h" })).toEqual({ ok: false, reason: "admin-exists" });
  });
});

describe("one-time tokens", () => {
  it("work once, expire, and only the newest of a user's reset links is valid", async () => {
    const userId = await newUser("reader");
    const first = await issueOneTimeToken({ purpose: "password-reset", userId, validForMs: 3_600_000 });
    const second = await issueOneTimeToken({ purpose: "password-reset", userId, validForMs: 3_600_000 });
    expect(await findValidOneTimeToken({ purpose: "password-reset", token: first })).toBeUndefined();
    expect(await findValidOneTimeToken({ purpose: "password-reset", token: second })).toEqual({ userId });
    expect(await findValidOneTimeToken({ purpose: "setup", token: second })).toBeUndefined();
    const before = (await getSessionUserById({ id: userId }))!.sessionVersion;
    expect(await resetPasswordWithToken({ token: second, passwordHash: "new-hash" })).not.toBeNull();
    expect((await getSessionUserById({ id: userId }))!.sessionVersion).toBe(before + 1);
    expect(await resetPasswordWithToken({ token: second, passwordHash: "again" })).toBeNull();
    const expired = await issueOneTimeToken({ purpose: "password-reset", userId, validForMs: -1 });
    expect(await findValidOneTimeToken({ purpose: "password-reset", token: expired })).toBeUndefined();
  });
});

describe("roles, bans and sessions", () => {
  it("never leaves the site without an admin", async () => {
    const admins = database.db.$client.prepare("select id from users where role = 'admin'").all() as { id: number }[];
    expect(admins).toHaveLength(1);
    expect(await setUserRole({ userId: admins[0]!.id, role: "author" })).toEqual({ ok: false, reason: "last-admin" });
    const second = await newUser("admin");
    expect(await setUserRole({ userId: admins[0]!.id, role: "author" })).toEqual({ ok: true, previousRole: "admin" });
    expect(await deleteUser({ userId: second, comments: "keep" })).toEqual({ ok: false, reason: "last-admin" });
    expect(await setUserRole({ userId: 999_999, role: "author" })).toEqual({ ok: false, reason: "not-found" });
  });

  it("bans until a date or for good, and an expired ban no longer counts", async () => {
    const userId = await newUser("reader");
    await banUser({ userId, reason: "spam", until: new Date(Date.now() + 86_400_000) });
    expect((await getSessionUserById({ id: userId }))!.ban).toMatchObject({ reason: "spam" });
    expect((await getSessionUserById({ id: userId, now: new Date(Date.now() + 2 * 86_400_000) }))!.ban).toBeNull();
    await banUser({ userId, reason: null, until: null });
    expect((await getSessionUserById({ id: userId, now: new Date(Date.now() + 1e12) }))!.ban).toEqual({ reason: null, until: null });
    await unbanUser({ userId });
    expect((await getSessionUserById({ id: userId }))!.ban).toBeNull();
  });

  it("a new password bumps the session version", async () => {
    const userId = await newUser("reader");
    expect(await setUserPassword({ userId, passwordHash: "x" })).toBe(2);
  });

  it("follows the role ladder in the permission table, and a ban removes every permission", async () => {
    const user = (role: "reader" | "author" | "moderator" | "admin", id = 1) =>
      ({ id, role, ban: null, email: "", slug: "", displayName: "", bio: "", sessionVersion: 1 }) as const;
    expect(hasRole(user("moderator"), "author")).toBe(true);
    expect(hasRole(user("author"), "moderator")).toBe(false);
    expect(can(user("reader"), "comment:post")).toBe(true);
    expect(can(user("reader"), "article:write")).toBe(false);
    expect(can(user("author", 7), "article:edit", { authorId: 7 })).toBe(true);
    expect(can(user("author", 7), "article:edit", { authorId: 8 })).toBe(false);
    expect(can(user("admin"), "article:edit", { authorId: 8 })).toBe(true);
    expect(can(user("moderator"), "comment:moderate")).toBe(true);
    expect(can(user("moderator"), "user:manage")).toBe(false);
    expect(can({ ...user("admin"), ban: { reason: null, until: null } }, "comment:post")).toBe(false);
    expect(can(null, "comment:post")).toBe(false);
  });
});

describe("deleting a user", () => {
  it("requires a writer to inherit their articles, then moves them and invalidates the pages", async () => {
    const owen = (await getUserIdBySlug({ slug: "owen" }))!;
    const mina = (await getUserIdBySlug({ slug: "mina-demo" }))!;
    const reader = await newUser("reader");
    expect(await deleteUser({ userId: owen, comments: "keep" })).toEqual({ ok: false, reason: "needs-reassignment" });
    expect(await deleteUser({ userId: owen, reassignArticlesTo: reader, comments: "keep" })).toEqual({ ok: false, reason: "invalid-reassignment" });
    const before = logged().length;
    expect(await deleteUser({ userId: owen, reassignArticlesTo: mina, comments: "keep" })).toEqual({ ok: true });
    expect(await countPublishedArticlesByAuthor({ authorId: mina })).toBe(15 + 4);
    const tags = logged().slice(before);
    expect(tags).toEqual(expect.arrayContaining([`author:${owen}`, `author:${mina}`, "articles"]));
  });

  it("keeps comments as a deleted user, or removes them", async () => {
    const article = (await getPublishedArticleBySlug({ slug: "how-to-publish-your-first-article" }))!;
    const keeper = await newUser("reader");
    const remover = await newUser("reader");
    await insertComment({ articleId: article.id, authorId: keeper, body: "kept words", status: "approved" });
    await insertComment({ articleId: article.id, authorId: remover, body: "removed words", status: "approved" });
    await deleteUser({ userId: keeper, comments: "keep" });
    await deleteUser({ userId: remover, comments: "remove" });
    const shown = await listArticleComments({ articleId: article.id });
    expect(shown.find((comment) => comment.body === "kept words")?.author).toBeNull();
    expect(shown.find((comment) => comment.body === "removed words")).toBeUndefined();
    expect(logged()).toContain(`article:${article.id}`);
  });
});
