import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "@/db/queries/article-writes";
import { bumpSessionVersion, createUser, getSessionUserById, type SessionUser } from "@/db/queries/auth-users";
import { countCommentsWithBodyPrefix } from "@/db/queries/comment-counts-by-prefix";
import { updateSiteSettings } from "@/db/queries/site-settings";
import { checkAccess, validateForm } from "@/lib/actions/form-checks";
import { userForSession } from "@/lib/auth/session-user";
import { readSessionClaims } from "@/lib/auth/session-token";
import { postCommentInput } from "@/lib/comments/comment-input";
import { postComment } from "@/lib/comments/post-comment";
import { secondsUntilAllowed } from "@/lib/rate-limits";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

// The core shared by the comment server action and the JavaScript-off endpoint in the custom
// server (lib/server/comment-post-endpoint.ts), and the session cookie as that endpoint reads it.
let temp: TempDatabase;
let reader: SessionUser;
let articleId: number;
const secret = "test-secret-of-enough-length-for-auth-js";
const cookieName = "authjs.session-token";

beforeAll(async () => {
  temp = createTempDatabase({ seed: false });
  // One reader posts many times here; the per-account flood rule is not what is tested.
  await updateSiteSettings({ commentFloodSeconds: 0 });
  const created = await createUser({ email: "poster@example.test", displayName: "Poster", passwordHash: null, role: "reader" });
  if (!created.ok) throw new Error("could not create user");
  reader = (await getSessionUserById({ id: created.id }))!;
  const author = await createUser({ email: "author@example.test", displayName: "Author", passwordHash: null, role: "author" });
  if (!author.ok) throw new Error("could not create author");
  articleId = await createArticle({
    slug: "posting-core",
    title: "Posting core",
    body: "Text.",
    status: "published",
    publishedAt: new Date(Date.now() - 60_000),
    authorId: author.id,
  });
});

afterAll(() => temp.cleanup());

function form(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(fields);
}

describe("posting a comment (shared by the server action and the form endpoint)", () => {
  it("validates the plain form post like a server action and stores an accepted comment once", async () => {
    const invalid = validateForm(postCommentInput, form({ articleId: String(articleId), parentId: "", body: "   " }));
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) {
      expect(invalid.state.fieldErrors?.body).toEqual(["Please type your comment."]);
      expect(invalid.state.values?.body).toBe("   ");
    }
    const parsed = validateForm(postCommentInput, form({ articleId: String(articleId), parentId: "", body: "Core post one" }));
    if (!parsed.ok) throw new Error("valid input refused");
    const answer = await postComment({ input: parsed.data, user: reader, ip: "198.51.100.7", typedBody: "Core post one" });
    expect(answer.status).toBe("posted");
    expect(answer.status === "posted" && answer.location).toMatch(/^\/articles\/posting-core#comment-\d+$/);
    expect(await countCommentsWithBodyPrefix({ articleId, prefix: "Core post one" })).toEqual({ rows: 1, distinctBodies: 1 });
  });

  it("counts the per-address limit in the comment's transaction, in the row the rate limiter reads", async () => {
    const answers = [];
    for (let n = 0; n < 11; n += 1) {
      const body = `Address limit ${n}`;
      answers.push(await postComment({ input: { articleId, parentId: null, body }, user: reader, ip: "198.51.100.8", typedBody: body }));
    }
    expect(answers.slice(0, 10).map((answer) => answer.status)).toEqual(Array(10).fill("posted"));
    const refused = answers[10];
    expect(refused?.status).toBe("refused");
    expect(refused?.status === "refused" && refused.state.message).toMatch(/^You are posting too fast\. Try again in \d+ (seconds?|minutes?)\.$/);
    expect(refused?.status === "refused" && refused.state.values?.body).toBe("Address limit 10");
    expect(await secondsUntilAllowed("commentIp", "198.51.100.8")).toBeGreaterThan(0);
  });

  it("refuses signed-out and banned visitors before validating", async () => {
    const signedOut = await checkAccess(null, "reader", { form: form({ body: "kept" }), timeZone: async () => "UTC" });
    expect(signedOut.ok === false && signedOut.state).toMatchObject({ message: "Your session has ended. Please sign in again.", values: { body: "kept" } });
    const banned = await checkAccess({ ...reader, ban: { reason: "spam", until: null } }, "reader", { form: form({}), timeZone: async () => "UTC" });
    expect(banned.ok === false && banned.state.message).toBe("Your account is banned. Reason: spam");
  });
});

describe("the session cookie read outside Next", () => {
  async function cookieFor(user: SessionUser, name = cookieName): Promise<string> {
    return encode({ token: { sub: String(user.id), sv: user.sessionVersion }, secret, salt: name });
  }

  it("reads what Auth.js wrote, also split into chunks, and only under the expected name", async () => {
    const token = await cookieFor(reader);
    expect(await readSessionClaims(`other=1; ${cookieName}=${token}`, { secret, secureCookies: false })).toEqual({
      userId: reader.id,
      sessionVersion: reader.sessionVersion,
    });
    const chunks = `${cookieName}.1=${token.slice(100)}; ${cookieName}.0=${token.slice(0, 100)}`;
    expect((await readSessionClaims(chunks, { secret, secureCookies: false }))?.userId).toBe(reader.id);
    expect(await readSessionClaims(`${cookieName}=${token}`, { secret, secureCookies: true })).toBeNull();
  });

  it("treats a tampered cookie, another secret's cookie or no cookie as signed out", async () => {
    const token = await cookieFor(reader);
    const flipped = `${token.slice(0, -6)}${token.slice(-6, -5) === "A" ? "B" : "A"}${token.slice(-5)}`;
    expect(await readSessionClaims(`${cookieName}=${flipped}`, { secret, secureCookies: false })).toBeNull();
    const foreign = await encode({ token: { sub: String(reader.id) }, secret: "another-secret-entirely-different", salt: cookieName });
    expect(await readSessionClaims(`${cookieName}=${foreign}`, { secret, secureCookies: false })).toBeNull();
    expect(await readSessionClaims(undefined, { secret, secureCookies: false })).toBeNull();
  });

  it("signs out a session whose version was bumped (sign-out everywhere, password change)", async () => {
    const claims = await readSessionClaims(`${cookieName}=${await cookieFor(reader)}`, { secret, secureCookies: false });
    expect((await userForSession(claims))?.id).toBe(reader.id);
    await bumpSessionVersion({ userId: reader.id });
    expect(await userForSession(claims)).toBeNull();
  });
});
