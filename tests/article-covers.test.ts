import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLatestCacheInvalidationId, listCacheInvalidationsAfter } from "@/db/cache-invalidation";
import { autosaveArticle, getArticleForEditor, restoreArticleRevision, saveArticleFromEditor, type EditorCommand } from "@/db/queries/article-editor";
import { listArticleRevisions } from "@/db/queries/article-revisions";
import { getPublishedArticleBySlug, listPublishedArticlesByAuthor } from "@/db/queries/articles";
import { createUser, getSessionUserById, type SessionUser } from "@/db/queries/auth-users";
import { deleteUnusedMedia, listCoverChoices, listMediaWithUsage, recordMedia } from "@/db/queries/media";
import { getUserIdBySlug } from "@/db/queries/users";
import { articleAutosaves, articles, media } from "@/db/schema";
import { parseArticleInput, type ArticleFields } from "@/lib/articles/article-input";
import { editorValuesForArticle, emptyEditorValues, type EditorValues } from "@/lib/articles/editor-values";
import { tagsForArticle } from "@/lib/cache-tags";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

let temp: TempDatabase;
let owen: SessionUser;
let mina: SessionUser;
let admin: SessionUser;

let mediaCounter = 0;
async function upload(owner: SessionUser): Promise<string> {
  mediaCounter += 1;
  const id = mediaCounter.toString(16).padStart(24, "c");
  await recordMedia({
    id,
    ownerId: owner.id,
    width: 2000,
    height: 1000,
    sourceFormat: "jpeg",
    sourceBytes: 1234,
    variants: [
      { width: 480, height: 240, bytes: 10 },
      { width: 960, height: 480, bytes: 20 },
      { width: 1600, height: 800, bytes: 30 },
    ],
  });
  return id;
}

let counter = 0;
function values(overrides: Partial<EditorValues> = {}): EditorValues {
  counter += 1;
  return { ...emptyEditorValues(), title: `Cover test ${counter}`, body: "Text.", ...overrides };
}

function fields(overrides: Partial<EditorValues> = {}): ArticleFields {
  const parsed = parseArticleInput(values(overrides));
  if (!parsed.ok) throw new Error(`invalid test input: ${JSON.stringify(parsed.fieldErrors)}`);
  return parsed.fields;
}

async function save(actor: SessionUser, articleId: number | null, input: ArticleFields, command: EditorCommand = { kind: "save-draft" }): Promise<number> {
  const result = await saveArticleFromEditor({ actor, articleId, fields: input, command });
  if (!result.ok) throw new Error(`save refused: ${result.reason}`);
  return result.articleId;
}

function row(articleId: number) {
  const found = temp.db.select().from(articles).where(eq(articles.id, articleId)).get();
  if (!found) throw new Error("article missing");
  return found;
}

async function sessionUser(id: number | null): Promise<SessionUser> {
  const user = id === null ? null : await getSessionUserById({ id });
  if (!user) throw new Error("user missing");
  return user;
}

beforeAll(async () => {
  temp = createTempDatabase();
  owen = await sessionUser(await getUserIdBySlug({ slug: "owen" }));
  mina = await sessionUser(await getUserIdBySlug({ slug: "mina-demo" }));
  const created = await createUser({ email: "cover-admin@example.test", displayName: "Cover Admin", passwordHash: null, role: "admin" });
  if (!created.ok) throw new Error(created.reason);
  admin = await sessionUser(created.id);
});

afterAll(() => {
  temp.cleanup();
});

describe("cover input", () => {
  it("reads the cover fields; a decorative cover keeps no alt text; an id that is not an upload's is refused", () => {
    expect(fields({ coverMediaId: "" }).cover).toBeNull();
    const id = "ab".repeat(12);
    expect(fields({ coverMediaId: id, coverAlt: "  A  harbour ", coverCaption: "Photo: me" }).cover).toEqual({
      mediaId: id,
      alt: "A harbour",
      decorative: false,
      caption: "Photo: me",
    });
    expect(fields({ coverMediaId: id, coverAlt: "ignored", coverDecorative: "on" }).cover).toMatchObject({ alt: "", decorative: true });
    const bad = parseArticleInput(values({ coverMediaId: "../../etc/passwd" }));
    expect(!bad.ok && bad.fieldErrors.coverMediaId?.[0]).toMatch(/Choose the cover/);
    const long = parseArticleInput(values({ coverMediaId: id, coverCaption: "x".repeat(301) }));
    expect(!long.ok && long.fieldErrors.coverCaption?.[0]).toMatch(/under 300/);
  });
});

describe("saving a cover", () => {
  it("keeps a draft's cover without alt text, refuses to publish it, then publishes it described", async () => {
    const cover = await upload(owen);
    const input = fields({ coverMediaId: cover, coverCaption: "At dawn" });
    const id = await save(owen, null, input);
    expect(row(id)).toMatchObject({ coverMediaId: cover, coverAlt: "", coverDecorative: false, coverCaption: "At dawn" });

    const refused = await saveArticleFromEditor({ actor: owen, articleId: id, fields: input, command: { kind: "publish" } });
    expect(refused).toEqual({ ok: false, reason: "cover-alt-missing", phase: "draft" });
    expect(row(id).status).toBe("draft");

    await save(owen, id, { ...input, cover: { ...input.cover!, alt: "A harbour at dawn" } }, { kind: "publish" });
    const published = await getPublishedArticleBySlug({ slug: input.slug });
    expect(published?.cover).toEqual({
      mediaId: cover,
      variants: [
        { width: 480, height: 240, bytes: 10 },
        { width: 960, height: 480, bytes: 20 },
        { width: 1600, height: 800, bytes: 30 },
      ],
      alt: "A harbour at dawn",
      decorative: false,
      caption: "At dawn",
    });
    // The editor opens with the stored cover.
    const editor = await getArticleForEditor({ articleId: id });
    expect(editorValuesForArticle({ ...editor!, publishAtInput: "" })).toMatchObject({
      coverMediaId: cover,
      coverAlt: "A harbour at dawn",
      coverDecorative: "",
      coverCaption: "At dawn",
    });
  });

  it("publishes a decorative cover without alt text", async () => {
    const id = await save(owen, null, fields({ coverMediaId: await upload(owen), coverDecorative: "on" }), { kind: "publish" });
    expect(row(id)).toMatchObject({ status: "published", coverDecorative: true, coverAlt: "" });
  });

  it("lists a published article with its cover's variants for the thumbnail, and one without a cover with none", async () => {
    const cover = await upload(owen);
    const withCover = await save(owen, null, fields({ coverMediaId: cover, coverAlt: "A quay" }), { kind: "publish" });
    const without = await save(owen, null, fields(), { kind: "publish" });
    const listed = (await listPublishedArticlesByAuthor({ authorId: owen.id, page: 1, perPage: 100 })).items;
    expect(listed.find((article) => article.id === withCover)?.cover).toEqual({
      mediaId: cover,
      variants: [
        { width: 480, height: 240, bytes: 10 },
        { width: 960, height: 480, bytes: 20 },
        { width: 1600, height: 800, bytes: 30 },
      ],
    });
    expect(listed.find((article) => article.id === without)?.cover).toBeNull();
  });

    it("changing a published article's cover invalidates exactly its pages' tags", async () => {
    const input = fields({ coverMediaId: await upload(owen), coverAlt: "First" });
    const id = await save(owen, null, input, { kind: "publish" });
    const before = getLatestCacheInvalidationId(temp.db);
    await save(owen, id, { ...input, cover: { mediaId: await upload(owen), alt: "Second", decorative: false, caption: "" } }, { kind: "update" });
    const tags = listCacheInvalidationsAfter(temp.db, before).map((entry) => entry.tag);
    expect([...new Set(tags)].sort()).toEqual(tagsForArticle({ id, authorId: owen.id, publicationId: null, tagIds: [] }).sort());
  });
});

describe("whose uploads may be a cover", () => {
  it("refuses another author's upload and an unknown one; an admin may use anyone's, and the author may keep it", async () => {
    const minas = await upload(mina);
    const input = fields({ coverMediaId: minas, coverAlt: "Mina's photo" });
    expect(await saveArticleFromEditor({ actor: owen, articleId: null, fields: input, command: { kind: "save-draft" } })).toMatchObject({
      ok: false,
      reason: "cover-forbidden",
    });
    const unknown = fields({ coverMediaId: "f".repeat(24), coverAlt: "Gone" });
    expect(await saveArticleFromEditor({ actor: owen, articleId: null, fields: unknown, command: { kind: "save-draft" } })).toMatchObject({
      ok: false,
      reason: "cover-not-found",
    });

    const id = await save(owen, null, fields());
    await save(admin, id, { ...input, slug: row(id).slug, title: row(id).title });
    expect(row(id).coverMediaId).toBe(minas);
    // Owen keeps the cover the admin chose when he saves again.
    await save(owen, id, { ...input, slug: row(id).slug, title: "Owen edits" }, { kind: "publish" });
    expect(row(id)).toMatchObject({ coverMediaId: minas, status: "published" });
    // Owen's choices: his uploads and the article's current cover.
    const choices = await listCoverChoices({ ownerId: owen.id, currentCoverId: minas });
    expect(choices.map((choice) => choice.id)).toContain(minas);
    expect((await listCoverChoices({ ownerId: owen.id, currentCoverId: null })).map((choice) => choice.id)).not.toContain(minas);
  });

  it("refuses a pending copy of a published article whose cover is another author's upload", async () => {
    const id = await save(owen, null, fields(), { kind: "publish" });
    const pending = values({ title: row(id).title, slug: row(id).slug, coverMediaId: await upload(mina), coverAlt: "Not mine" });
    const parsed = parseArticleInput(pending);
    if (!parsed.ok) throw new Error("invalid");
    expect(await autosaveArticle({ actor: owen, articleId: id, fields: parsed.fields, values: pending })).toMatchObject({
      ok: false,
      reason: "cover-forbidden",
    });
    expect(temp.db.select().from(articleAutosaves).where(eq(articleAutosaves.articleId, id)).get()).toBeUndefined();
  });
});

describe("covers in the media list and revisions", () => {
  it("lists the cover use, refuses to delete the upload while it is a cover, and allows it afterwards", async () => {
    const cover = await upload(owen);
    const input = fields({ coverMediaId: cover, coverAlt: "Used" });
    const id = await save(owen, null, input);
    const item = (await listMediaWithUsage({ ownerId: owen.id })).find((entry) => entry.id === cover);
    expect(item?.usedIn).toEqual([{ articleId: id, title: input.title, status: "draft", asCover: true, inBody: false }]);
    expect(await deleteUnusedMedia({ id: cover, mayDelete: () => true })).toEqual({ ok: false, reason: "in-use" });
    // The database refuses too (ON DELETE RESTRICT).
    expect(() => temp.db.delete(media).where(eq(media.id, cover)).run()).toThrow(/FOREIGN KEY/);

    await save(owen, id, { ...input, cover: null });
    expect((await deleteUnusedMedia({ id: cover, mayDelete: () => true })).ok).toBe(true);
  });

  it("records the cover in revisions and restores it", async () => {
    const first = await upload(owen);
    const input = fields({ coverMediaId: first, coverAlt: "First cover", coverCaption: "One" });
    const id = await save(owen, null, input, { kind: "publish" });
    await save(owen, id, { ...input, cover: { mediaId: await upload(owen), alt: "Second cover", decorative: false, caption: "" } }, { kind: "update" });
    const revisions = await listArticleRevisions({ articleId: id });
    expect(revisions).toHaveLength(2);
    const original = revisions[1]!;
    expect(await restoreArticleRevision({ actor: owen, articleId: id, revisionId: original.id })).toEqual({ ok: true });
    expect(row(id)).toMatchObject({ coverMediaId: first, coverAlt: "First cover", coverCaption: "One" });
  });
});
