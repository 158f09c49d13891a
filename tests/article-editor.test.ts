import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLatestCacheInvalidationId, listCacheInvalidationsAfter } from "@/db/cache-invalidation";
import { demoPublication } from "@/db/demo/demo-people";
import {
  autosaveArticle,
  deleteArticleFromEditor,
  discardAutosave,
  editorPhase,
  getArticleForEditor,
  listPublicationsForEditor,
  listTagNamesForEditor,
  saveArticleFromEditor,
  type EditorCommand,
} from "@/db/queries/article-editor";
import { getPublishedArticleBySlug } from "@/db/queries/articles";
import { createUser, getSessionUserById, type SessionUser } from "@/db/queries/auth-users";
import { countDashboardArticles, listDashboardArticles } from "@/db/queries/dashboard";
import { getPublicationBySlug } from "@/db/queries/publications";
import { findSlugRedirect } from "@/db/queries/slug-redirects";
import { getTagBySlug } from "@/db/queries/tags";
import { getUserIdBySlug } from "@/db/queries/users";
import { articleAutosaves, articles, articleTags, comments, slugRedirects, tags } from "@/db/schema";
import { parseArticleInput, type ArticleFields } from "@/lib/articles/article-input";
import { editorValuesFrom, emptyEditorValues, type EditorValues } from "@/lib/articles/editor-values";
import { formatZonedDateTimeInput, parseZonedDateTime } from "@/lib/articles/schedule-time";
import { cacheTags, tagsForArticle } from "@/lib/cache-tags";
import { neighbourTagsAt } from "./support/neighbour-tags";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

let temp: TempDatabase;
let owen: SessionUser;
let mina: SessionUser;
let moderator: SessionUser;
let admin: SessionUser;
let reader: SessionUser;
let demoPublicationId: number;

async function loggedBy<T>(write: () => Promise<T>): Promise<{ result: T; tags: string[] }> {
  const before = getLatestCacheInvalidationId(temp.db);
  const result = await write();
  return { result, tags: listCacheInvalidationsAfter(temp.db, before).map((row) => row.tag) };
}

function sorted(list: readonly string[]): string[] {
  return [...new Set(list)].sort();
}

let counter = 0;
function values(overrides: Partial<EditorValues> = {}): EditorValues {
  counter += 1;
  return { ...emptyEditorValues(), title: `Editor test ${counter}`, body: "Some *Markdown*.", ...overrides };
}

function fields(overrides: Partial<EditorValues> = {}): ArticleFields {
  const parsed = parseArticleInput(values(overrides));
  if (!parsed.ok) throw new Error(`invalid test input: ${JSON.stringify(parsed.fieldErrors)}`);
  return parsed.fields;
}

async function save(actor: SessionUser, articleId: number | null, input: ArticleFields, command: EditorCommand = { kind: "save-draft" }) {
  const result = await saveArticleFromEditor({ actor, articleId, fields: input, command });
  if (!result.ok) throw new Error(`save refused: ${result.reason}`);
  return result;
}

function row(articleId: number) {
  return temp.db.select().from(articles).where(eq(articles.id, articleId)).get();
}

function tagIdsOf(articleId: number): number[] {
  return temp.db
    .select({ tagId: articleTags.tagId })
    .from(articleTags)
    .where(eq(articleTags.articleId, articleId))
    .all()
    .map((link) => link.tagId)
    .sort((a, b) => a - b);
}

async function tagId(slug: string): Promise<number> {
  const tag = await getTagBySlug({ slug });
  if (!tag) throw new Error(`no tag ${slug}`);
  return tag.id;
}

async function sessionUser(id: number | null): Promise<SessionUser> {
  const user = id === null ? null : await getSessionUserById({ id });
  if (!user) throw new Error("user missing");
  return user;
}

async function newUser(role: "admin" | "moderator", name: string): Promise<SessionUser> {
  const created = await createUser({ email: `${name}@example.test`, displayName: name, passwordHash: null, role });
  if (!created.ok) throw new Error(created.reason);
  return sessionUser(created.id);
}

const past = new Date(Date.UTC(2001, 0, 1));
const inAnHour = () => new Date(Date.now() + 3_600_000);

beforeAll(async () => {
  temp = createTempDatabase();
  owen = await sessionUser(await getUserIdBySlug({ slug: "owen" }));
  mina = await sessionUser(await getUserIdBySlug({ slug: "mina-demo" }));
  reader = await sessionUser(await getUserIdBySlug({ slug: "sam-demo-reader" }));
  moderator = await newUser("moderator", "Mod Erator");
  admin = await newUser("admin", "Ad Min");
  const publication = await getPublicationBySlug({ slug: demoPublication.slug });
  if (!publication) throw new Error("demo publication missing");
  demoPublicationId = publication.id;
});

afterAll(() => {
  temp.cleanup();
});

describe("editor input", () => {
  it("derives the slug from the title when it is left empty, and validates a typed one", () => {
    expect(fields({ title: "Café Society: A Review!", slug: "" }).slug).toBe("cafe-society-a-review");
    expect(fields({ slug: "my-own-slug" }).slug).toBe("my-own-slug");
    const bad = parseArticleInput(values({ slug: "Not A Slug" }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.fieldErrors.slug?.[0]).toMatch(/lowercase letters/);
    const underivable = parseArticleInput(values({ title: "外交の話", slug: "" }));
    expect(!underivable.ok && underivable.fieldErrors.slug?.[0]).toMatch(/no letters a–z/);
  });

  it("refuses an empty title, a non-web original URL and a malformed language tag", () => {
    const result = parseArticleInput(values({ title: "  ", originalUrl: "javascript:alert(1)", originalLanguage: "not a tag" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.title).toEqual(["Enter a title."]);
    expect(result.fieldErrors.originalUrl?.[0]).toMatch(/http:\/\/ or https:\/\//);
    expect(result.fieldErrors.originalLanguage?.[0]).toMatch(/language code/);
    expect(fields({ originalUrl: "https://example.com/a", originalLanguage: "PT-br" })).toMatchObject({
      originalUrl: "https://example.com/a",
      originalLanguage: "pt-BR",
    });
  });

  it("splits tags on commas, one per slug, and requires a name for a new publication", () => {
    expect(fields({ tags: " Economy, foreign  policy,economy,, " }).tags).toEqual([
      { name: "Economy", slug: "economy" },
      { name: "foreign policy", slug: "foreign-policy" },
    ]);
    const missing = parseArticleInput(values({ publicationId: "new" }));
    expect(!missing.ok && missing.fieldErrors.publicationName).toEqual(["Enter the new publication’s name."]);
    expect(fields({ publicationId: "new", publicationName: "Le Monde (test)", publicationWebsite: "https://lemonde.example" }).publication).toEqual({
      mode: "new",
      name: "Le Monde (test)",
      slug: "le-monde-test",
      country: null,
      language: null,
      website: "https://lemonde.example",
      description: "",
    });
  });

  it("reads the editor's fields from a form post, a missing checkbox meaning unticked", () => {
    const form = new FormData();
    form.set("title", "From a form");
    form.set("$ACTION_ID_abc", "");
    const read = editorValuesFrom(form);
    expect(read.title).toBe("From a form");
    expect(read.commentsOpen).toBe("");
    expect(Object.keys(read)).not.toContain("$ACTION_ID_abc");
  });

  it("reads a schedule in the site's time zone", () => {
    expect(parseZonedDateTime("2030-05-01T09:30", "Asia/Tokyo")?.toISOString()).toBe("2030-05-01T00:30:00.000Z");
    expect(parseZonedDateTime("2030-07-01T09:30", "Europe/Paris")?.toISOString()).toBe("2030-07-01T07:30:00.000Z");
    expect(parseZonedDateTime("2030-01-01T09:30", "Europe/Paris")?.toISOString()).toBe("2030-01-01T08:30:00.000Z");
    expect(parseZonedDateTime("2030-02-30T09:30", "UTC")).toBeNull();
    expect(parseZonedDateTime("tomorrow", "UTC")).toBeNull();
    expect(formatZonedDateTimeInput(new Date("2030-05-01T00:30:00Z"), "Asia/Tokyo")).toBe("2030-05-01T09:30");
  });
});

describe("lifecycle", () => {
  it("saves a new draft, then publishes it, invalidating nothing for the draft", async () => {
    const draft = await loggedBy(() => save(owen, null, fields({ title: "A draft to publish", tags: "Reading" })));
    expect(draft.tags).toEqual([]);
    expect(draft.result).toMatchObject({ status: "draft", slug: "a-draft-to-publish", phase: "draft" });
    const id = draft.result.articleId;
    expect(row(id)).toMatchObject({ authorId: owen.id, status: "draft", publishedAt: null });

    const again = await loggedBy(() => save(owen, id, fields({ title: "A draft to publish", body: "Changed", tags: "Reading" })));
    expect(again.tags).toEqual([]);

    const published = await loggedBy(() => save(owen, id, fields({ title: "A draft to publish", tags: "Reading" }), { kind: "publish" }));
    expect(published.result.status).toBe("published");
    // With the pages of its new previous/next neighbours.
    const neighbours = await neighbourTagsAt(id, row(id)?.publishedAt ?? new Date());
    expect(neighbours.length).toBeGreaterThan(0);
    expect(sorted(published.tags)).toEqual(
      sorted([cacheTags.article(id), cacheTags.articleListing, cacheTags.author(owen.id), cacheTags.tag(await tagId("reading")), ...neighbours]),
    );
    expect(await getPublishedArticleBySlug({ slug: "a-draft-to-publish" })).not.toBeNull();
  });

  it("publishes a new article straight away with its publication and tags", async () => {
    const { result, tags: logged } = await loggedBy(() =>
      save(owen, null, fields({ title: "Straight out", tags: "Diplomacy, Opinion", publicationId: String(demoPublicationId) }), {
        kind: "publish",
      }),
    );
    const tagIds = [await tagId("diplomacy"), await tagId("opinion")];
    const neighbours = await neighbourTagsAt(result.articleId, row(result.articleId)?.publishedAt ?? new Date());
    expect(sorted(logged)).toEqual(
      sorted([...tagsForArticle({ id: result.articleId, authorId: owen.id, publicationId: demoPublicationId, tagIds }), ...neighbours]),
    );
    const shown = await getPublishedArticleBySlug({ slug: "straight-out" });
    expect(shown?.publication?.id).toBe(demoPublicationId);
    expect(shown?.tags.map((tag) => tag.slug)).toEqual(["diplomacy", "opinion"]);
  });

  it("schedules for the future only; a scheduled article can be updated, rescheduled and published now", async () => {
    const input = fields({ title: "Later on" });
    const tooEarly = await saveArticleFromEditor({ actor: owen, articleId: null, fields: input, command: { kind: "schedule", at: new Date(Date.now() - 1000) } });
    expect(tooEarly).toEqual({ ok: false, reason: "schedule-in-past", phase: "draft" });

    const at = inAnHour();
    const scheduled = await loggedBy(() => save(owen, null, input, { kind: "schedule", at }));
    const id = scheduled.result.articleId;
    expect(scheduled.result).toMatchObject({ status: "scheduled", phase: "scheduled" });
    expect(row(id)?.publishedAt?.getTime()).toBe(at.getTime());
    expect(sorted(scheduled.tags)).toEqual(sorted(tagsForArticle({ id, authorId: owen.id, publicationId: null, tagIds: [] })));
    expect(await getPublishedArticleBySlug({ slug: "later-on" })).toBeNull();
    expect(await getPublishedArticleBySlug({ slug: "later-on", now: new Date(at.getTime() + 1) })).not.toBeNull();

    // Save draft is not a button of a scheduled article: a stale editor is told so.
    expect(await saveArticleFromEditor({ actor: owen, articleId: id, fields: input, command: { kind: "save-draft" } })).toEqual({
      ok: false,
      reason: "stale",
      phase: "scheduled",
    });

    const later = new Date(at.getTime() + 86_400_000);
    const moved = await save(owen, id, fields({ title: "Later on", body: "Edited" }), { kind: "update", scheduleAt: later });
    expect(moved).toMatchObject({ status: "scheduled", phase: "scheduled" });
    expect(row(id)).toMatchObject({ body: "Edited", publishedAt: later });
    const kept = await save(owen, id, fields({ title: "Later on", body: "Edited again" }), { kind: "update" });
    expect(kept.publishedAt?.getTime()).toBe(later.getTime());

    const now = await save(owen, id, fields({ title: "Later on" }), { kind: "publish" });
    expect(now.status).toBe("published");
    expect(await getPublishedArticleBySlug({ slug: "later-on" })).not.toBeNull();
  });

  it("treats a scheduled article whose time has come as published", () => {
    expect(editorPhase({ status: "scheduled", publishedAt: new Date(Date.now() - 1000) })).toBe("published");
    expect(editorPhase({ status: "scheduled", publishedAt: inAnHour() })).toBe("scheduled");
  });

  it("updates a published article, invalidating old and new tags and publications", async () => {
    const economy = fields({ title: "Moving around", tags: "Reading, Writing", publicationId: String(demoPublicationId) });
    const created = await save(owen, null, economy, { kind: "publish" });
    const id = created.articleId;
    const oldTagIds = [await tagId("reading"), await tagId("writing")];

    const { result, tags: logged } = await loggedBy(() =>
      save(
        owen,
        id,
        fields({
          title: "Moving around",
          tags: "Writing, Brand new topic",
          publicationId: "new",
          publicationName: "Fresh Gazette",
          publicationCountry: "France",
          publicationLanguage: "fr",
        }),
        { kind: "update" },
      ),
    );
    expect(result).toMatchObject({ status: "published", phase: "published" });
    const fresh = await getPublicationBySlug({ slug: "fresh-gazette" });
    expect(fresh).toMatchObject({ name: "Fresh Gazette", country: "France", language: "fr" });
    const newTagId = await tagId("brand-new-topic");
    expect((await getTagBySlug({ slug: "brand-new-topic" }))?.name).toBe("Brand new topic");
    expect(tagIdsOf(id)).toEqual([await tagId("writing"), newTagId].sort((a, b) => a - b));
    expect(sorted(logged)).toEqual(
      sorted([
        cacheTags.article(id),
        cacheTags.articleListing,
        cacheTags.author(owen.id),
        cacheTags.publication(demoPublicationId),
        cacheTags.publication(fresh?.id ?? -1),
        ...oldTagIds.map(cacheTags.tag),
        cacheTags.tag(newTagId),
      ]),
    );
    expect(row(id)?.publishedAt?.getTime()).toBe(created.publishedAt?.getTime());
  });

  it("unpublishes back to a draft, invalidating the listings it was on", async () => {
    const created = await save(owen, null, fields({ title: "Here and gone", tags: "Platform" }), { kind: "publish" });
    const id = created.articleId;
    const { result, tags: logged } = await loggedBy(() => save(owen, id, fields({ title: "Here and gone", tags: "Platform" }), { kind: "unpublish" }));
    expect(result).toMatchObject({ status: "draft", publishedAt: null, phase: "draft" });
    expect(sorted(logged)).toEqual(sorted(tagsForArticle({ id, authorId: owen.id, publicationId: null, tagIds: [await tagId("platform")] })));
    expect(await getPublishedArticleBySlug({ slug: "here-and-gone" })).toBeNull();
  });

  it("deletes an article with its comments; only a visible one invalidates", async () => {
    const published = await save(owen, null, fields({ title: "Doomed", tags: "Demo" }), { kind: "publish" });
    const id = published.articleId;
    temp.db.insert(comments).values({ articleId: id, authorId: reader.id, body: "Bye", status: "approved" }).run();
    const deleted = await loggedBy(() => deleteArticleFromEditor({ actor: owen, articleId: id }));
    expect(deleted.result).toEqual({ ok: true });
    expect(sorted(deleted.tags)).toEqual(sorted(tagsForArticle({ id, authorId: owen.id, publicationId: null, tagIds: [await tagId("demo")] })));
    expect(row(id)).toBeUndefined();
    expect(temp.db.select().from(comments).where(eq(comments.articleId, id)).all()).toEqual([]);

    const draft = await save(owen, null, fields({ title: "Doomed draft" }));
    const quiet = await loggedBy(() => deleteArticleFromEditor({ actor: owen, articleId: draft.articleId }));
    expect(quiet).toEqual({ result: { ok: true }, tags: [] });
    expect(await deleteArticleFromEditor({ actor: owen, articleId: draft.articleId })).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("slugs", () => {
  it("refuses a slug another article has, and logs nothing", async () => {
    await save(owen, null, fields({ title: "Unique one", slug: "taken-slug" }));
    const { result, tags: logged } = await loggedBy(() =>
      saveArticleFromEditor({ actor: mina, articleId: null, fields: fields({ slug: "taken-slug" }), command: { kind: "publish" } }),
    );
    expect(result).toEqual({ ok: false, reason: "slug-taken", phase: "draft" });
    expect(logged).toEqual([]);
    // Its own slug is not "taken".
    const own = temp.db.select({ id: articles.id }).from(articles).where(eq(articles.slug, "taken-slug")).get();
    expect((await saveArticleFromEditor({ actor: owen, articleId: own?.id ?? -1, fields: fields({ slug: "taken-slug" }), command: { kind: "save-draft" } })).ok).toBe(true);
  });

  it("keeps a redirect from a published article's old slug; a draft's rename keeps none", async () => {
    const created = await save(owen, null, fields({ title: "Old name", slug: "old-name" }), { kind: "publish" });
    await save(owen, created.articleId, fields({ title: "New name", slug: "new-name" }), { kind: "update" });
    expect(await findSlugRedirect({ kind: "article", slug: "old-name" })).toBe("new-name");

    const draft = await save(owen, null, fields({ title: "Draft name", slug: "draft-name" }));
    await save(owen, draft.articleId, fields({ title: "Draft name", slug: "draft-renamed" }));
    expect(temp.db.select().from(slugRedirects).where(eq(slugRedirects.oldSlug, "draft-name")).all()).toEqual([]);

    // Deleting the article removes its redirects too.
    await deleteArticleFromEditor({ actor: owen, articleId: created.articleId });
    expect(temp.db.select().from(slugRedirects).where(eq(slugRedirects.oldSlug, "old-name")).all()).toEqual([]);
  });
});

describe("tags and publications", () => {
  it("creates tags on the fly, reusing an existing tag whatever the spelling", async () => {
    const before = await listTagNamesForEditor();
    const created = await save(owen, null, fields({ tags: "TRANSLATION, Quantum gardening" }));
    expect(tagIdsOf(created.articleId)).toEqual([await tagId("translation"), await tagId("quantum-gardening")].sort((a, b) => a - b));
    expect((await getTagBySlug({ slug: "translation" }))?.name).toBe("Translation");
    expect(await listTagNamesForEditor()).toEqual([...before, "Quantum gardening"].sort((a, b) => a.localeCompare(b)));
  });

  it("selects an existing publication, creates a new one, and refuses a duplicate name", async () => {
    const chosen = await save(owen, null, fields({ publicationId: String(demoPublicationId) }));
    expect(row(chosen.articleId)?.publicationId).toBe(demoPublicationId);

    const created = await save(owen, null, fields({ publicationId: "new", publicationName: "Daily Test Herald", publicationWebsite: "https://herald.example" }));
    const herald = await getPublicationBySlug({ slug: "daily-test-herald" });
    expect(row(created.articleId)?.publicationId).toBe(herald?.id);
    expect((await listPublicationsForEditor()).map((p) => p.name)).toContain("Daily Test Herald");

    const duplicate = await saveArticleFromEditor({
      actor: owen,
      articleId: null,
      fields: fields({ publicationId: "new", publicationName: "daily test herald" }),
      command: { kind: "save-draft" },
    });
    expect(duplicate).toEqual({ ok: false, reason: "publication-exists", phase: "draft" });
    const unknown = await saveArticleFromEditor({ actor: owen, articleId: null, fields: fields({ publicationId: "987654" }), command: { kind: "save-draft" } });
    expect(unknown).toEqual({ ok: false, reason: "publication-not-found", phase: "draft" });
  });
});

describe("autosave", () => {
  it("creates a new article as a draft, then saves a draft into itself, invalidating nothing", async () => {
    const typed = values({ title: "Autosaved draft", body: "First words" });
    const first = await loggedBy(() => autosaveArticle({ actor: owen, articleId: null, fields: fields(typed), values: typed }));
    expect(first.tags).toEqual([]);
    if (!first.result.ok) throw new Error("autosave refused");
    expect(first.result.mode).toBe("draft");
    const id = first.result.articleId;
    expect(row(id)).toMatchObject({ status: "draft", title: "Autosaved draft", body: "First words" });

    const more = { ...typed, body: "First words, and more" };
    const second = await loggedBy(() => autosaveArticle({ actor: owen, articleId: id, fields: fields(more), values: more }));
    expect(second.tags).toEqual([]);
    expect(row(id)?.body).toBe("First words, and more");
    expect(temp.db.select().from(articleAutosaves).where(eq(articleAutosaves.articleId, id)).all()).toEqual([]);
  });

  it("keeps a published article's changes in a pending copy until Update, and can discard them", async () => {
    const live = values({ title: "Live article", slug: "live-article", body: "Live body", tags: "Reading" });
    const created = await save(owen, null, fields(live), { kind: "publish" });
    const id = created.articleId;
    const before = row(id);

    const pending = { ...live, title: "Live article, revised", body: "Pending body" };
    const autosaved = await loggedBy(() => autosaveArticle({ actor: owen, articleId: id, fields: fields(pending), values: pending }));
    expect(autosaved.tags).toEqual([]);
    expect(autosaved.result).toMatchObject({ ok: true, mode: "pending", articleId: id });
    expect(row(id)).toEqual(before);
    expect((await getPublishedArticleBySlug({ slug: created.slug }))?.body).toBe("Live body");

    const opened = await getArticleForEditor({ articleId: id });
    expect(opened?.body).toBe("Live body");
    expect(opened?.pendingCopy?.values).toMatchObject({ title: "Live article, revised", body: "Pending body" });

    expect(await discardAutosave({ actor: owen, articleId: id })).toEqual({ ok: true });
    expect((await getArticleForEditor({ articleId: id }))?.pendingCopy).toBeNull();

    await autosaveArticle({ actor: owen, articleId: id, fields: fields(pending), values: pending });
    const updated = await loggedBy(() => save(owen, id, fields(pending), { kind: "update" }));
    expect(sorted(updated.tags)).toEqual(sorted(tagsForArticle({ id, authorId: owen.id, publicationId: null, tagIds: [await tagId("reading")] })));
    expect((await getPublishedArticleBySlug({ slug: created.slug }))?.body).toBe("Pending body");
    expect((await getArticleForEditor({ articleId: id }))?.pendingCopy).toBeNull();
  });

  it("keeps a scheduled article's changes in a pending copy too", async () => {
    const input = values({ title: "Scheduled autosave" });
    const created = await save(owen, null, fields(input), { kind: "schedule", at: inAnHour() });
    const changed = { ...input, body: "Not yet" };
    expect(await autosaveArticle({ actor: owen, articleId: created.articleId, fields: fields(changed), values: changed })).toMatchObject({
      ok: true,
      mode: "pending",
    });
    expect(row(created.articleId)?.body).toBe(input.body);
  });
});

describe("who may change what", () => {
  it("refuses another author's article, a reader and a moderator; an admin may edit any", async () => {
    const input = values({ title: "Owen's own" });
    const own = await save(owen, null, fields(input), { kind: "publish" });
    const id = own.articleId;
    const before = row(id);
    const attempts = await loggedBy(async () => [
      await saveArticleFromEditor({ actor: mina, articleId: id, fields: fields({ ...input, body: "Hijacked" }), command: { kind: "update" } }),
      await saveArticleFromEditor({ actor: moderator, articleId: id, fields: fields({ ...input, body: "Hijacked" }), command: { kind: "unpublish" } }),
      await autosaveArticle({ actor: mina, articleId: id, fields: fields(input), values: input }),
      await discardAutosave({ actor: mina, articleId: id }),
      await deleteArticleFromEditor({ actor: mina, articleId: id }),
      await saveArticleFromEditor({ actor: reader, articleId: null, fields: fields(), command: { kind: "publish" } }),
      await autosaveArticle({ actor: reader, articleId: null, fields: fields(), values: values() }),
    ]);
    for (const result of attempts.result) expect(result).toMatchObject({ ok: false, reason: "forbidden" });
    expect(attempts.tags).toEqual([]);
    expect(row(id)).toEqual(before);
    expect(temp.db.select().from(articleAutosaves).where(eq(articleAutosaves.articleId, id)).all()).toEqual([]);

    const byAdmin = await save(admin, id, fields({ ...input, body: "Fixed a typo" }), { kind: "update" });
    expect(byAdmin.ok).toBe(true);
    expect(row(id)).toMatchObject({ body: "Fixed a typo", authorId: owen.id });

    // A moderator writes articles of their own, as authors do.
    expect((await save(moderator, null, fields({ title: "Moderator writes" }))).ok).toBe(true);
    expect(await saveArticleFromEditor({ actor: owen, articleId: 987_654, fields: fields(), command: { kind: "update" } })).toEqual({
      ok: false,
      reason: "not-found",
    });
  });
});

describe("dashboard", () => {
  it("lists an author's own articles by status with comment counts; admins see everyone's", async () => {
    const created = await createUser({ email: "dash@example.test", displayName: "Dash Author", passwordHash: null, role: "author" });
    const author = await sessionUser(created.ok ? created.id : null);
    const draft = await save(author, null, fields({ title: "Dash draft" }));
    const published = await save(author, null, fields({ title: "Dash published" }), { kind: "publish" });
    await save(author, null, fields({ title: "Dash scheduled" }), { kind: "schedule", at: inAnHour() });
    const due = await save(author, null, fields({ title: "Dash due" }), { kind: "schedule", at: inAnHour() });
    temp.db.update(articles).set({ publishedAt: past }).where(eq(articles.id, due.articleId)).run();
    temp.db
      .insert(comments)
      .values([
        { articleId: published.articleId, authorId: reader.id, body: "Yes", status: "approved" },
        { articleId: published.articleId, authorId: reader.id, body: "Hm", status: "pending" },
        { articleId: published.articleId, authorId: reader.id, body: "Buy", status: "spam" },
      ])
      .run();

    expect(await countDashboardArticles({ authorId: author.id })).toEqual({ all: 4, draft: 1, scheduled: 1, published: 2 });
    const all = await listDashboardArticles({ authorId: author.id, page: 1 });
    expect(all.total).toBe(4);
    expect(all.items.map((item) => item.title)).toEqual(["Dash due", "Dash scheduled", "Dash published", "Dash draft"]);
    expect(all.items.find((item) => item.id === published.articleId)).toMatchObject({
      phase: "published",
      approvedComments: 1,
      pendingComments: 1,
      author: { id: author.id, displayName: "Dash Author" },
    });
    expect(all.items.find((item) => item.id === due.articleId)?.phase).toBe("published");
    expect((await listDashboardArticles({ authorId: author.id, filter: "draft", page: 1 })).items.map((item) => item.id)).toEqual([draft.articleId]);
    expect((await listDashboardArticles({ authorId: author.id, filter: "published", page: 1 })).items.map((item) => item.title)).toEqual([
      "Dash due",
      "Dash published",
    ]);
    const paged = await listDashboardArticles({ authorId: author.id, page: 2, perPage: 3 });
    expect(paged).toMatchObject({ page: 2, pageCount: 2, total: 4 });
    expect(paged.items).toHaveLength(1);

    const everyone = await listDashboardArticles({ authorId: null, page: 1, perPage: 1000 });
    const authors = new Set(everyone.items.map((item) => item.author.id));
    expect(authors.has(owen.id) && authors.has(author.id) && authors.has(mina.id)).toBe(true);
  });
});

describe("data integrity", () => {
  it("a refused write leaves nothing behind (no half-created tags or publications)", async () => {
    await save(owen, null, fields({ title: "Slug holder", slug: "slug-holder" }));
    const refused = await saveArticleFromEditor({
      actor: owen,
      articleId: null,
      fields: fields({ slug: "slug-holder", tags: "Never created tag", publicationId: "new", publicationName: "Never Created Weekly" }),
      command: { kind: "save-draft" },
    });
    expect(refused).toMatchObject({ ok: false, reason: "slug-taken" });
    expect(temp.db.select().from(tags).where(eq(tags.slug, "never-created-tag")).all()).toEqual([]);
    expect(await getPublicationBySlug({ slug: "never-created-weekly" })).toBeNull();
  });
});
