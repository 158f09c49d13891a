import { and, asc, eq, inArray, ne, notInArray } from "drizzle-orm";
import { coverLacksAltText, type ArticleCover, type ArticleFields, type ArticleTagInput, type PublicationChoice } from "../../lib/articles/article-input";
import { storedEditorValues, type EditorValues } from "../../lib/articles/editor-values";
import { tagsForArticle, type ArticleTagSource } from "../../lib/cache-tags";
import { currentTime } from "../../lib/clock";
import { can } from "../../lib/permissions";
import { invalidateCacheTags } from "../cache-invalidation";
import { getDb, inWriteTransaction, type Transaction } from "../client";
import { articleAutosaves, articles, articleTags, media, publications, tags, users, type ArticleStatus } from "../schema";
import type { SessionUser } from "./auth-users";
import { deleteSlugRedirectsTo, recordSlugChange } from "./slug-redirects";
import { arrivalNeighbourTags } from "./article-neighbours";
import { tagIdsOf } from "./article-writes";
import { ensureBaselineRevision, findRevision, recordRevision } from "./article-revisions";

// The author's side of articles: the editor's reads and every write it makes (save, publish,
// schedule, update, unpublish, delete, autosave). Each write runs in one immediate transaction
// that re-reads the article, checks the editor may change it (authors their own, admins any),
// and logs exactly the cache tags of the pages that showed it before or show it after.

// Where an article stands for its editor: a scheduled article whose time has come is published.
export type EditorPhase = "draft" | "scheduled" | "published";

export function editorPhase(article: { status: ArticleStatus; publishedAt: Date | null }, now: Date = currentTime()): EditorPhase {
  if (article.status === "draft") return "draft";
  if (article.status === "scheduled" && article.publishedAt !== null && article.publishedAt.getTime() > now.getTime()) {
    return "scheduled";
  }
  return "published";
}

export type EditorCommand =
  | { kind: "save-draft" }
  | { kind: "publish" }
  | { kind: "schedule"; at: Date }
  // On a scheduled article, `scheduleAt` moves its time (null or absent keeps it).
  | { kind: "update"; scheduleAt?: Date | null }
  | { kind: "unpublish" };

const allowedCommands: Record<EditorPhase, readonly EditorCommand["kind"][]> = {
  draft: ["save-draft", "publish", "schedule"],
  scheduled: ["update", "publish", "schedule", "unpublish"],
  published: ["update", "unpublish"],
};

export type EditorFailure =
  | "not-found"
  | "forbidden"
  // The article changed elsewhere (published, unpublished) since the editor was opened.
  | "stale"
  | "slug-taken"
  | "publication-not-found"
  | "publication-exists"
  | "schedule-in-past"
  // The chosen cover is no upload (any more), or another author's upload.
  | "cover-not-found"
  | "cover-forbidden"
  // Publish, Schedule or Update with a cover that has no alt text and is not marked decorative.
  | "cover-alt-missing";

export type EditorWriteResult =
  | { ok: true; articleId: number; slug: string; status: ArticleStatus; publishedAt: Date | null; phase: EditorPhase }
  | { ok: false; reason: EditorFailure; phase?: EditorPhase };

type CurrentArticle = {
  id: number;
  slug: string;
  status: ArticleStatus;
  publishedAt: Date | null;
  authorId: number;
  publicationId: number | null;
  title: string;
  body: string;
  coverMediaId: string | null;
  coverAlt: string;
  coverDecorative: boolean;
  coverCaption: string;
  updatedAt: Date;
};

const currentColumns = {
  id: articles.id,
  slug: articles.slug,
  status: articles.status,
  publishedAt: articles.publishedAt,
  authorId: articles.authorId,
  publicationId: articles.publicationId,
  title: articles.title,
  body: articles.body,
  coverMediaId: articles.coverMediaId,
  coverAlt: articles.coverAlt,
  coverDecorative: articles.coverDecorative,
  coverCaption: articles.coverCaption,
  updatedAt: articles.updatedAt,
};

function loadCurrent(tx: Transaction, articleId: number): CurrentArticle | undefined {
  return tx.select(currentColumns).from(articles).where(eq(articles.id, articleId)).get();
}

function tagSourceOf(tx: Transaction, article: CurrentArticle): ArticleTagSource {
  return { id: article.id, authorId: article.authorId, publicationId: article.publicationId, tagIds: tagIdsOf(tx, article.id) };
}

type Access = { ok: true; current: CurrentArticle | null } | { ok: false; reason: "not-found" | "forbidden" };

// A new article needs the right to write; an existing one the right to edit it.
function checkAccess(tx: Transaction, actor: SessionUser, articleId: number | null): Access {
  if (articleId === null) return can(actor, "article:write") ? { ok: true, current: null } : { ok: false, reason: "forbidden" };
  const current = loadCurrent(tx, articleId);
  if (!current) return { ok: false, reason: "not-found" };
  if (!can(actor, "article:edit", { authorId: current.authorId })) return { ok: false, reason: "forbidden" };
  return { ok: true, current };
}

function slugTaken(tx: Transaction, slug: string, articleId: number | null): boolean {
  const other = tx
    .select({ id: articles.id })
    .from(articles)
    .where(articleId === null ? eq(articles.slug, slug) : and(eq(articles.slug, slug), ne(articles.id, articleId)))
    .get();
  return other !== undefined;
}

// A new cover must be an upload the editor may use: authors their own, admins any. The cover the
// article already has stays usable (an admin may have chosen it for the author).
function checkCover(
  tx: Transaction,
  actor: SessionUser,
  cover: ArticleCover | null,
  currentCoverId: string | null,
): { ok: true } | { ok: false; reason: "cover-not-found" | "cover-forbidden" } {
  if (!cover) return { ok: true };
  const found = tx.select({ ownerId: media.ownerId }).from(media).where(eq(media.id, cover.mediaId)).get();
  if (!found) return { ok: false, reason: "cover-not-found" };
  if (cover.mediaId === currentCoverId) return { ok: true };
  return can(actor, "article:edit", { authorId: found.ownerId ?? -1 }) ? { ok: true } : { ok: false, reason: "cover-forbidden" };
}

function coverColumns(cover: ArticleCover | null) {
  return {
    coverMediaId: cover?.mediaId ?? null,
    coverAlt: cover && !cover.decorative ? cover.alt : "",
    coverDecorative: cover?.decorative ?? false,
    coverCaption: cover?.caption ?? "",
  };
}

type PublicationPlan = { ok: true; id: number | null; create: Extract<PublicationChoice, { mode: "new" }> | null } | { ok: false; reason: "publication-not-found" | "publication-exists" };

function planPublication(tx: Transaction, choice: PublicationChoice): PublicationPlan {
  switch (choice.mode) {
    case "none":
      return { ok: true, id: null, create: null };
    case "existing": {
      const found = tx.select({ id: publications.id }).from(publications).where(eq(publications.id, choice.id)).get();
      return found ? { ok: true, id: found.id, create: null } : { ok: false, reason: "publication-not-found" };
    }
    case "new": {
      const taken = tx.select({ id: publications.id }).from(publications).where(eq(publications.slug, choice.slug)).get();
      return taken ? { ok: false, reason: "publication-exists" } : { ok: true, id: null, create: choice };
    }
  }
}

// A publication created from the editor is on no page yet, so creating it invalidates nothing.
function createPublication(tx: Transaction, choice: Extract<PublicationChoice, { mode: "new" }>, now: Date): number {
  return tx
    .insert(publications)
    .values({
      slug: choice.slug,
      name: choice.name,
      country: choice.country,
      language: choice.language,
      website: choice.website,
      description: choice.description,
      createdAt: now,
    })
    .returning({ id: publications.id })
    .get().id;
}

// Existing tags are matched by slug (keeping their name); missing ones are created. A new tag is
// on no page yet, so creating it invalidates nothing.
function ensureTags(tx: Transaction, wanted: readonly ArticleTagInput[], now: Date): number[] {
  if (wanted.length === 0) return [];
  const existing = tx
    .select({ id: tags.id, slug: tags.slug })
    .from(tags)
    .where(
      inArray(
        tags.slug,
        wanted.map((tag) => tag.slug),
      ),
    )
    .all();
  const idBySlug = new Map(existing.map((tag) => [tag.slug, tag.id]));
  return wanted.map((tag) => {
    const known = idBySlug.get(tag.slug);
    if (known !== undefined) return known;
    const id = tx.insert(tags).values({ slug: tag.slug, name: tag.name, createdAt: now }).returning({ id: tags.id }).get().id;
    idBySlug.set(tag.slug, id);
    return id;
  });
}

function setArticleTags(tx: Transaction, articleId: number, tagIds: readonly number[]): void {
  tx.delete(articleTags)
    .where(tagIds.length === 0 ? eq(articleTags.articleId, articleId) : and(eq(articleTags.articleId, articleId), notInArray(articleTags.tagId, [...tagIds])))
    .run();
  if (tagIds.length > 0) {
    tx.insert(articleTags)
      .values(tagIds.map((tagId) => ({ articleId, tagId })))
      .onConflictDoNothing()
      .run();
  }
}

type Target = { status: ArticleStatus; publishedAt: Date | null } | { failure: "schedule-in-past" };

function targetState(command: EditorCommand, phase: EditorPhase, current: CurrentArticle | null, now: Date): Target {
  switch (command.kind) {
    case "save-draft":
    case "unpublish":
      return { status: "draft", publishedAt: null };
    case "publish":
      return { status: "published", publishedAt: now };
    case "schedule":
      return command.at.getTime() > now.getTime() ? { status: "scheduled", publishedAt: command.at } : { failure: "schedule-in-past" };
    case "update": {
      if (phase === "scheduled") {
        const at = command.scheduleAt ?? current?.publishedAt ?? null;
        if (!at || at.getTime() <= now.getTime()) return { failure: "schedule-in-past" };
        return { status: "scheduled", publishedAt: at };
      }
      // A scheduled article whose time has come is published from now on.
      return { status: "published", publishedAt: current?.publishedAt ?? now };
    }
  }
}

function writeArticle(
  tx: Transaction,
  { actor, articleId, fields, command, now }: { actor: SessionUser; articleId: number | null; fields: ArticleFields; command: EditorCommand; now: Date },
): EditorWriteResult {
  const access = checkAccess(tx, actor, articleId);
  if (!access.ok) return access;
  const { current } = access;
  const phase = current ? editorPhase(current, now) : "draft";
  if (!allowedCommands[phase].includes(command.kind)) return { ok: false, reason: "stale", phase };
  if (slugTaken(tx, fields.slug, articleId)) return { ok: false, reason: "slug-taken", phase };
  const publication = planPublication(tx, fields.publication);
  if (!publication.ok) return { ...publication, phase };
  const target = targetState(command, phase, current, now);
  if ("failure" in target) return { ok: false, reason: target.failure, phase };
  const cover = checkCover(tx, actor, fields.cover, current?.coverMediaId ?? null);
  if (!cover.ok) return { ...cover, phase };
  if (target.status !== "draft" && coverLacksAltText(fields.cover)) return { ok: false, reason: "cover-alt-missing", phase };

  // Every check passed: from here on, only writes.
  const before = current ? tagSourceOf(tx, current) : null;
  const publicationId = publication.create ? createPublication(tx, publication.create, now) : publication.id;
  const columns = {
    slug: fields.slug,
    title: fields.title,
    excerpt: fields.excerpt,
    body: fields.body,
    status: target.status,
    publishedAt: target.publishedAt,
    publicationId,
    originalTitle: fields.originalTitle,
    originalUrl: fields.originalUrl,
    originalLanguage: fields.originalLanguage,
    commentsOpen: fields.commentsOpen,
    ...coverColumns(fields.cover),
    updatedAt: now,
  };
  let id: number;
  if (current) {
    id = current.id;
    if (current.status !== "draft") ensureBaselineRevision(tx, current);
    tx.update(articles).set(columns).where(eq(articles.id, id)).run();
    // Whatever was pending is in the article now (the editor showed the pending copy's values).
    tx.delete(articleAutosaves).where(eq(articleAutosaves.articleId, id)).run();
    // A URL readers may have seen keeps working; a draft's never was public.
    if (current.status !== "draft") recordSlugChange(tx, { kind: "article", targetId: id, oldSlug: current.slug, newSlug: fields.slug });
  } else {
    id = tx
      .insert(articles)
      .values({ ...columns, authorId: actor.id, createdAt: now })
      .returning({ id: articles.id })
      .get().id;
  }
  const tagIds = ensureTags(tx, fields.tags, now);
  setArticleTags(tx, id, tagIds);
  // The text readers get from now on is kept, so this Publish or Update can be undone.
  if (target.status !== "draft") {
    recordRevision(tx, { articleId: id, authorId: actor.id, content: { title: fields.title, body: fields.body, ...coverColumns(fields.cover) }, now });
  }

  // Drafts are on no page: a draft saved as a draft changes nothing readers see.
  const after: ArticleTagSource = { id, authorId: current?.authorId ?? actor.id, publicationId, tagIds };
  invalidateCacheTags(tx, [
    ...(before && current?.status !== "draft" ? tagsForArticle(before) : []),
    ...(target.status !== "draft" ? tagsForArticle(after) : []),
    // Article pages link their previous and next articles: those around its new place change.
    ...arrivalNeighbourTags(tx, { before: current, after: { id, status: target.status, publishedAt: target.publishedAt } }, now),
  ]);
  return { ok: true, articleId: id, slug: fields.slug, status: target.status, publishedAt: target.publishedAt, phase: editorPhase(target, now) };
}

// Save draft, Publish now, Schedule, Update and Unpublish, for a new article (`articleId` null)
// or an existing one. Any pending copy is applied (the editor submitted its values) and removed.
export async function saveArticleFromEditor({
  actor,
  articleId,
  fields,
  command,
  now = currentTime(),
}: {
  actor: SessionUser;
  articleId: number | null;
  fields: ArticleFields;
  command: EditorCommand;
  now?: Date;
}): Promise<EditorWriteResult> {
  return inWriteTransaction((tx) => writeArticle(tx, { actor, articleId, fields, command, now }));
}

export type AutosaveResult =
  | { ok: true; articleId: number; mode: "draft" | "pending"; savedAt: Date }
  | { ok: false; reason: EditorFailure; phase?: EditorPhase };

// Autosave. A new article becomes a draft; a draft is saved into itself (invalidating nothing,
// as drafts are on no page); a published or scheduled article gets a pending copy of the editor's
// values and is itself left untouched until Update.
export async function autosaveArticle({
  actor,
  articleId,
  fields,
  values,
  now = currentTime(),
}: {
  actor: SessionUser;
  articleId: number | null;
  fields: ArticleFields;
  values: EditorValues;
  now?: Date;
}): Promise<AutosaveResult> {
  return inWriteTransaction((tx) => {
    const access = checkAccess(tx, actor, articleId);
    if (!access.ok) return access;
    const { current } = access;
    if (!current || current.status === "draft") {
      const saved = writeArticle(tx, { actor, articleId, fields, command: { kind: "save-draft" }, now });
      return saved.ok ? { ok: true, articleId: saved.articleId, mode: "draft", savedAt: now } : saved;
    }
    // The pending copy is applied by Update, which checks again; refusing it now tells the author at once.
    const cover = checkCover(tx, actor, fields.cover, current.coverMediaId);
    if (!cover.ok) return cover;
    const payload = { ...values };
    tx.insert(articleAutosaves)
      .values({ articleId: current.id, payload, savedById: actor.id, savedAt: now })
      .onConflictDoUpdate({ target: articleAutosaves.articleId, set: { payload, savedById: actor.id, savedAt: now } })
      .run();
    return { ok: true, articleId: current.id, mode: "pending", savedAt: now };
  });
}

export type SimpleEditorResult = { ok: true } | { ok: false; reason: "not-found" | "forbidden" };

export async function discardAutosave({ actor, articleId }: { actor: SessionUser; articleId: number }): Promise<SimpleEditorResult> {
  return inWriteTransaction((tx) => {
    const access = checkAccess(tx, actor, articleId);
    if (!access.ok) return access;
    tx.delete(articleAutosaves).where(eq(articleAutosaves.articleId, articleId)).run();
    return { ok: true } as const;
  });
}

// Deletes the article with its comments, tags links, pending copy and old-slug redirects. A
// published or scheduled one disappears from every page that listed it.
export async function deleteArticleFromEditor({ actor, articleId }: { actor: SessionUser; articleId: number }): Promise<SimpleEditorResult> {
  return inWriteTransaction((tx) => {
    const access = checkAccess(tx, actor, articleId);
    if (!access.ok) return access;
    const current = access.current;
    if (!current) return { ok: false, reason: "not-found" } as const;
    const before = tagSourceOf(tx, current);
    tx.delete(articles).where(eq(articles.id, articleId)).run();
    deleteSlugRedirectsTo(tx, { kind: "article", targetId: articleId });
    if (current.status !== "draft") invalidateCacheTags(tx, tagsForArticle(before));
    return { ok: true } as const;
  });
}

export type RestoreResult = { ok: true } | { ok: false; reason: "not-found" | "forbidden" | "revision-not-found" };

// Puts an earlier revision's title, body and cover back into the article, as a new revision of its
// own (a cover deleted since then is gone: the revision kept none).
// A pending copy would bring the replaced text back at the next Update, so it is dropped.
export async function restoreArticleRevision({
  actor,
  articleId,
  revisionId,
  now = currentTime(),
}: {
  actor: SessionUser;
  articleId: number;
  revisionId: number;
  now?: Date;
}): Promise<RestoreResult> {
  return inWriteTransaction((tx) => {
    const access = checkAccess(tx, actor, articleId);
    if (!access.ok) return access;
    const current = access.current;
    if (!current) return { ok: false, reason: "not-found" } as const;
    const revision = findRevision(tx, { articleId, revisionId });
    if (!revision) return { ok: false, reason: "revision-not-found" } as const;
    ensureBaselineRevision(tx, current);
    const { id: restoredFromId, ...content } = revision;
    tx.update(articles)
      .set({ ...content, updatedAt: now })
      .where(eq(articles.id, articleId))
      .run();
    tx.delete(articleAutosaves).where(eq(articleAutosaves.articleId, articleId)).run();
    recordRevision(tx, { articleId, authorId: actor.id, content, now, restoredFromId });
    if (current.status !== "draft") invalidateCacheTags(tx, tagsForArticle(tagSourceOf(tx, current)));
    return { ok: true } as const;
  });
}

export type PendingCopy = { values: EditorValues; savedAt: Date; savedByName: string | null };

export type EditorArticle = {
  id: number;
  slug: string;
  title: string;
  excerpt: string;
  body: string;
  status: ArticleStatus;
  phase: EditorPhase;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  author: { id: number; displayName: string };
  publicationId: number | null;
  originalTitle: string | null;
  originalUrl: string | null;
  originalLanguage: string | null;
  commentsOpen: boolean;
  coverMediaId: string | null;
  coverAlt: string;
  coverDecorative: boolean;
  coverCaption: string;
  tagNames: string[];
  pendingCopy: PendingCopy | null;
};

// Everything the editor shows of an article; who may open it is the page's decision.
export async function getArticleForEditor({ articleId, now = currentTime() }: { articleId: number; now?: Date }): Promise<EditorArticle | null> {
  const db = getDb();
  const row = db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      excerpt: articles.excerpt,
      body: articles.body,
      status: articles.status,
      publishedAt: articles.publishedAt,
      createdAt: articles.createdAt,
      updatedAt: articles.updatedAt,
      author: { id: users.id, displayName: users.displayName },
      publicationId: articles.publicationId,
      originalTitle: articles.originalTitle,
      originalUrl: articles.originalUrl,
      originalLanguage: articles.originalLanguage,
      commentsOpen: articles.commentsOpen,
      coverMediaId: articles.coverMediaId,
      coverAlt: articles.coverAlt,
      coverDecorative: articles.coverDecorative,
      coverCaption: articles.coverCaption,
    })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .where(eq(articles.id, articleId))
    .get();
  if (!row) return null;
  const tagNames = db
    .select({ name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, articleId))
    .orderBy(asc(tags.name))
    .all()
    .map((tag) => tag.name);
  const autosave = db
    .select({ payload: articleAutosaves.payload, savedAt: articleAutosaves.savedAt, savedByName: users.displayName })
    .from(articleAutosaves)
    .leftJoin(users, eq(users.id, articleAutosaves.savedById))
    .where(eq(articleAutosaves.articleId, articleId))
    .get();
  const pendingValues = autosave ? storedEditorValues(autosave.payload as Record<string, unknown>) : null;
  return {
    ...row,
    phase: editorPhase(row, now),
    tagNames,
    pendingCopy: autosave && pendingValues ? { values: pendingValues, savedAt: autosave.savedAt, savedByName: autosave.savedByName } : null,
  };
}

// Suggestions for the editor's tag field and choices for its publication select.
export async function listTagNamesForEditor(): Promise<string[]> {
  return getDb()
    .select({ name: tags.name })
    .from(tags)
    .orderBy(asc(tags.name))
    .all()
    .map((tag) => tag.name);
}

export async function listPublicationsForEditor(): Promise<{ id: number; name: string }[]> {
  return getDb().select({ id: publications.id, name: publications.name }).from(publications).orderBy(asc(publications.name)).all();
}

// For the serving path (lib/page-existence.ts): /dashboard/articles/<id>/edit exists while the
// article does; whether this visitor may open it, the page decides (403).
export async function editorArticleExists({ articleId }: { articleId: number }): Promise<boolean> {
  return getDb().select({ id: articles.id }).from(articles).where(eq(articles.id, articleId)).get() !== undefined;
}
