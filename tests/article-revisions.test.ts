import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLatestCacheInvalidationId, listCacheInvalidationsAfter } from "@/db/cache-invalidation";
import { restoreArticleRevision, saveArticleFromEditor, type EditorCommand } from "@/db/queries/article-editor";
import { listArticleRevisions } from "@/db/queries/article-revisions";
import { createArticle } from "@/db/queries/article-writes";
import { getSessionUserById, type SessionUser } from "@/db/queries/auth-users";
import { updateSiteSettings } from "@/db/queries/site-settings";
import { getUserIdBySlug } from "@/db/queries/users";
import { articleAutosaves, articles } from "@/db/schema";
import { parseArticleInput, type ArticleFields } from "@/lib/articles/article-input";
import { emptyEditorValues, type EditorValues } from "@/lib/articles/editor-values";
import { cacheTags } from "@/lib/cache-tags";
import { diffTexts } from "@/lib/revisions/text-diff";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

let temp: TempDatabase;
let owen: SessionUser;
let mina: SessionUser;

let counter = 0;
function fields(overrides: Partial<EditorValues> = {}): ArticleFields {
  counter += 1;
  const parsed = parseArticleInput({ ...emptyEditorValues(), title: `Revision test ${counter}`, body: "First body.", ...overrides });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.fields;
}

async function save(articleId: number | null, input: ArticleFields, command: EditorCommand) {
  const result = await saveArticleFromEditor({ actor: owen, articleId, fields: input, command });
  if (!result.ok) throw new Error(result.reason);
  return result.articleId;
}

async function sessionUser(slug: string): Promise<SessionUser> {
  const user = await getSessionUserById({ id: (await getUserIdBySlug({ slug })) ?? 0 });
  if (!user) throw new Error(`no user ${slug}`);
  return user;
}

beforeAll(async () => {
  temp = createTempDatabase();
  owen = await sessionUser("owen");
  mina = await sessionUser("mina-demo");
});

afterAll(() => temp.cleanup());

describe("article revisions", () => {
  it("keeps the text of each Publish and Update, not of drafts or unchanged text", async () => {
    const draft = fields({ body: "Draft body." });
    const id = await save(null, draft, { kind: "save-draft" });
    expect(await listArticleRevisions({ articleId: id })).toHaveLength(0);

    await save(id, { ...draft, body: "Published body." }, { kind: "publish" });
    await save(id, { ...draft, body: "Updated body." }, { kind: "update" });
    // Only the tags changed: no new revision.
    await save(id, { ...draft, body: "Updated body.", tags: [{ name: "Extra", slug: "extra" }] }, { kind: "update" });

    const revisions = await listArticleRevisions({ articleId: id });
    expect(revisions.map((revision) => revision.body)).toEqual(["Updated body.", "Published body."]);
    expect(revisions[0]).toMatchObject({ authorName: owen.displayName, title: draft.title, restoredFromId: null });
  });

  it("keeps an article's text from before revisions existed as its first revision", async () => {
    const id = await createArticle({
      slug: "revision-baseline",
      title: "Old article",
      body: "Text from long ago.",
      status: "published",
      publishedAt: new Date(Date.UTC(2000, 0, 1)),
      authorId: mina.id,
    });
    const admin = { ...owen, role: "admin" as const };
    const result = await saveArticleFromEditor({ actor: admin, articleId: id, fields: fields({ title: "Old article", slug: "revision-baseline", body: "New text." }), command: { kind: "update" } });
    expect(result.ok).toBe(true);
    const revisions = await listArticleRevisions({ articleId: id });
    expect(revisions.map((revision) => [revision.body, revision.authorName])).toEqual([
      ["New text.", owen.displayName],
      ["Text from long ago.", mina.displayName],
    ]);
  });

  it("restores an earlier revision as a new one, drops the pending copy and refreshes the article's pages", async () => {
    const input = fields({ body: "Version one." });
    const id = await save(null, input, { kind: "publish" });
    await save(id, { ...input, title: "Second title", body: "Version two." }, { kind: "update" });
    temp.db.insert(articleAutosaves).values({ articleId: id, payload: {}, savedById: owen.id, savedAt: new Date() }).run();
    const first = (await listArticleRevisions({ articleId: id })).find((revision) => revision.body === "Version one.");
    if (!first) throw new Error("first revision missing");

    const before = getLatestCacheInvalidationId(temp.db);
    expect(await restoreArticleRevision({ actor: owen, articleId: id, revisionId: first.id })).toEqual({ ok: true });
    const tags = listCacheInvalidationsAfter(temp.db, before).map((row) => row.tag);
    expect(tags).toContain(cacheTags.article(id));
    expect(tags).toContain(cacheTags.articleListing);

    const stored = temp.db.select().from(articles).where(eq(articles.id, id)).get();
    expect(stored).toMatchObject({ title: input.title, body: "Version one." });
    expect(temp.db.select().from(articleAutosaves).where(eq(articleAutosaves.articleId, id)).get()).toBeUndefined();
    const revisions = await listArticleRevisions({ articleId: id });
    expect(revisions).toHaveLength(3);
    expect(revisions[0]).toMatchObject({ body: "Version one.", restoredFromId: first.id });
  });

  it("refuses a restore by another author, and of another article's revision", async () => {
    const id = await save(null, fields(), { kind: "publish" });
    const [revision] = await listArticleRevisions({ articleId: id });
    if (!revision) throw new Error("no revision");
    expect(await restoreArticleRevision({ actor: mina, articleId: id, revisionId: revision.id })).toEqual({ ok: false, reason: "forbidden" });
    const other = await save(null, fields(), { kind: "publish" });
    expect(await restoreArticleRevision({ actor: owen, articleId: other, revisionId: revision.id })).toEqual({ ok: false, reason: "revision-not-found" });
  });

  it("prunes the oldest revisions beyond the setting", async () => {
    await updateSiteSettings({ revisionsPerArticle: 3 });
    try {
      const input = fields({ body: "Body 0" });
      const id = await save(null, input, { kind: "publish" });
      for (let n = 1; n <= 5; n += 1) await save(id, { ...input, body: `Body ${n}` }, { kind: "update" });
      expect((await listArticleRevisions({ articleId: id })).map((revision) => revision.body)).toEqual(["Body 5", "Body 4", "Body 3"]);
    } finally {
      await updateSiteSettings({ revisionsPerArticle: 50 });
    }
  });
});

describe("revision diff", () => {
  it("compares changed lines word by word", () => {
    expect(diffTexts("The quick fox.\n", "The slow fox.\n")).toEqual([
      { kind: "same", text: "The " },
      { kind: "removed", text: "quick" },
      { kind: "added", text: "slow" },
      { kind: "same", text: " fox.\n" },
    ]);
  });

  it("folds long unchanged runs to a few lines of context, and is empty for equal texts", () => {
    const lines = Array.from({ length: 20 }, (_, n) => `Line ${n}`);
    const before = [...lines, "Old ending"].join("\n");
    const after = [...lines, "New ending"].join("\n");
    const segments = diffTexts(before, after);
    expect(segments[0]).toEqual({ kind: "folded", lines: 17 });
    expect(segments[1]).toEqual({ kind: "same", text: "Line 17\nLine 18\nLine 19\n" });
    expect(segments.filter((segment) => segment.kind === "added").map((segment) => "text" in segment && segment.text).join("")).toContain("New");
    expect(diffTexts("same", "same")).toEqual([]);
  });
});
