import { and, count, eq, ne, or, sql } from "drizzle-orm";
import { cacheTags } from "../../lib/cache-tags";
import { currentTime } from "../../lib/clock";
import { countPages, pageOffset, type Page } from "../../lib/pagination";
import { invalidateCacheTags } from "../cache-invalidation";
import { getDb, inWriteTransaction, type Transaction } from "../client";
import { articles, publications } from "../schema";
import { isVisibleToReaders } from "./article-visibility";
import { publicationProfileColumns, type PublicationProfile } from "./publications";
import { deleteSlugRedirectsTo, recordSlugChange } from "./slug-redirects";
import { containsLikePattern } from "../like-pattern";

// Publication management for admins (/admin/publications). A publication is shown on its own
// page and in the "About this publication" box of each of its articles, so an edit or a deletion
// invalidates `publication:<id>` and the pages of its articles readers can see, in the same
// transaction. Input is validated by the caller (components/taxonomy-admin/taxonomy-input.ts).

export type PublicationFields = {
  name: string;
  slug: string;
  country: string | null;
  // BCP 47, canonical form ("en-GB").
  language: string | null;
  // http: or https: only.
  website: string | null;
  description: string;
};

export type PublicationAdminItem = PublicationProfile & {
  // Articles readers can see now (published, or scheduled and due).
  publishedCount: number;
  // Every article crediting the publication, drafts included.
  articleCount: number;
};

export const PUBLICATIONS_PER_PAGE = 25;

function publicationAdminColumns(now: Date) {
  return {
    ...publicationProfileColumns,
    publishedCount: getDb().$count(articles, and(eq(articles.publicationId, publications.id), isVisibleToReaders(now))),
    articleCount: getDb().$count(articles, eq(articles.publicationId, publications.id)),
  };
}

// Every publication, by name, with its article counts; `search` matches the name or the slug.
export async function listPublicationsForAdmin({
  search = "",
  page,
  now = currentTime(),
}: {
  search?: string;
  page: number;
  now?: Date;
}): Promise<Page<PublicationAdminItem>> {
  const db = getDb();
  const pattern = containsLikePattern(search);
  const where = search.trim()
    ? or(sql`lower(${publications.name}) like ${pattern} escape '\\'`, sql`${publications.slug} like ${pattern} escape '\\'`)
    : undefined;
  const total = db.select({ n: count() }).from(publications).where(where).get()?.n ?? 0;
  const items = db
    .select(publicationAdminColumns(now))
    .from(publications)
    .where(where)
    .orderBy(sql`${publications.name} collate nocase`, publications.id)
    .limit(PUBLICATIONS_PER_PAGE)
    .offset(pageOffset(page, PUBLICATIONS_PER_PAGE))
    .all();
  return { items, page, total, pageCount: countPages(total, PUBLICATIONS_PER_PAGE) };
}

export async function getPublicationForAdmin({
  publicationId,
  now = currentTime(),
}: {
  publicationId: number;
  now?: Date;
}): Promise<PublicationAdminItem | null> {
  return getDb().select(publicationAdminColumns(now)).from(publications).where(eq(publications.id, publicationId)).get() ?? null;
}

function slugTakenByAnother(tx: Transaction, slug: string, publicationId: number | null): boolean {
  const mine = publicationId === null ? undefined : ne(publications.id, publicationId);
  return tx.select({ id: publications.id }).from(publications).where(and(eq(publications.slug, slug), mine)).get() !== undefined;
}

function visibleArticleIds(tx: Transaction, publicationId: number, now: Date): number[] {
  return tx
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.publicationId, publicationId), isVisibleToReaders(now)))
    .all()
    .map((row) => row.id);
}

export type CreatePublicationResult = { ok: true; id: number } | { ok: false; reason: "slug-taken" };

// A new publication is on no page yet (its URL was a 404, never cached): nothing to invalidate.
export async function createPublication(fields: PublicationFields): Promise<CreatePublicationResult> {
  return inWriteTransaction((tx) => {
    if (slugTakenByAnother(tx, fields.slug, null)) return { ok: false, reason: "slug-taken" } as const;
    const row = tx.insert(publications).values(fields).returning({ id: publications.id }).get();
    return { ok: true, id: row.id } as const;
  });
}

export type UpdatePublicationResult = { ok: true; changed: boolean } | { ok: false; reason: "not-found" | "slug-taken" };

const editableKeys = ["name", "slug", "country", "language", "website", "description"] as const;

// Edits every field; a new slug keeps the old URL answering with a 301. Saving without a change
// writes and invalidates nothing.
export async function updatePublication({
  publicationId,
  now = currentTime(),
  ...fields
}: PublicationFields & { publicationId: number; now?: Date }): Promise<UpdatePublicationResult> {
  return inWriteTransaction((tx) => {
    const current = tx.select(publicationProfileColumns).from(publications).where(eq(publications.id, publicationId)).get();
    if (!current) return { ok: false, reason: "not-found" } as const;
    if (editableKeys.every((key) => current[key] === fields[key])) return { ok: true, changed: false } as const;
    if (fields.slug !== current.slug && slugTakenByAnother(tx, fields.slug, publicationId)) {
      return { ok: false, reason: "slug-taken" } as const;
    }
    tx.update(publications).set(fields).where(eq(publications.id, publicationId)).run();
    recordSlugChange(tx, { kind: "publication", targetId: publicationId, oldSlug: current.slug, newSlug: fields.slug });
    invalidateCacheTags(tx, [
      cacheTags.publication(publicationId),
      ...visibleArticleIds(tx, publicationId, now).map((id) => cacheTags.article(id)),
    ]);
    return { ok: true, changed: true } as const;
  });
}

export type DeletePublicationResult = { ok: true; articleCount: number } | { ok: false; reason: "not-found" };

// Deletes a publication. Its articles stay; the foreign key sets their publication to null, so
// their "About this publication" box loses it (and disappears unless it credits an original).
export async function deletePublication({
  publicationId,
  now = currentTime(),
}: {
  publicationId: number;
  now?: Date;
}): Promise<DeletePublicationResult> {
  return inWriteTransaction((tx) => {
    const existing = tx.select({ id: publications.id }).from(publications).where(eq(publications.id, publicationId)).get();
    if (!existing) return { ok: false, reason: "not-found" } as const;
    const articleCount = tx.select({ n: count() }).from(articles).where(eq(articles.publicationId, publicationId)).get()?.n ?? 0;
    const visible = visibleArticleIds(tx, publicationId, now);
    tx.delete(publications).where(eq(publications.id, publicationId)).run();
    deleteSlugRedirectsTo(tx, { kind: "publication", targetId: publicationId });
    invalidateCacheTags(tx, [cacheTags.publication(publicationId), ...visible.map((id) => cacheTags.article(id))]);
    return { ok: true, articleCount } as const;
  });
}
