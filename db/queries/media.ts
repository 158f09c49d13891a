import { desc, eq, inArray, like, or, sql } from "drizzle-orm";
import { currentTime } from "../../lib/clock";
import { getDb, inWriteTransaction } from "../client";
import { articles, media, users } from "../schema";

// Uploaded images: the upload route records them, the media list shows them with where each is
// used, and an unused one can be deleted (its files are removed by the caller after the commit).

export type MediaVariant = { width: number; height: number; bytes: number };

export type MediaRecord = {
  id: string;
  ownerId: number | null;
  width: number;
  height: number;
  sourceFormat: string;
  sourceBytes: number;
  variants: MediaVariant[];
  createdAt: Date;
};

// Nothing shows a new image until an article using it is saved, so this invalidates nothing.
export async function recordMedia(record: Omit<MediaRecord, "createdAt"> & { createdAt?: Date }): Promise<void> {
  inWriteTransaction((tx) => {
    tx.insert(media)
      .values({ ...record, createdAt: record.createdAt ?? currentTime() })
      .run();
  });
}

export async function getMedia({ id }: { id: string }): Promise<MediaRecord | null> {
  return getDb().select().from(media).where(eq(media.id, id)).get() ?? null;
}

// Articles whose body (its URLs all start with /media/<id>-) or cover uses the image.
function usedBy(id: string) {
  return or(eq(articles.coverMediaId, id), like(articles.body, `%/media/${id}-%`));
}

// `asCover` when it is the article's cover; `inBody` when the body shows it too.
export type MediaUsage = { articleId: number; title: string; status: string; asCover: boolean; inBody: boolean };

export type MediaListItem = MediaRecord & { ownerName: string | null; usedIn: MediaUsage[] };

// An author's uploads (everyone's for `ownerId` null), newest first, with the articles using each.
export async function listMediaWithUsage({ ownerId }: { ownerId: number | null }): Promise<MediaListItem[]> {
  const db = getDb();
  const rows = db
    .select({ media, ownerName: users.displayName })
    .from(media)
    .leftJoin(users, eq(users.id, media.ownerId))
    .where(ownerId === null ? undefined : eq(media.ownerId, ownerId))
    .orderBy(desc(media.createdAt))
    .all();
  return rows.map(({ media: record, ownerName }) => ({
    ...record,
    ownerName,
    usedIn: db
      .select({
        articleId: articles.id,
        title: articles.title,
        status: articles.status,
        asCover: sql<boolean>`${articles.coverMediaId} is ${record.id}`.mapWith(Boolean),
        inBody: sql<boolean>`${articles.body} like ${`%/media/${record.id}-%`}`.mapWith(Boolean),
      })
      .from(articles)
      .where(usedBy(record.id))
      .orderBy(articles.id)
      .all(),
  }));
}

export type DeleteMediaResult = { ok: true; widths: number[] } | { ok: false; reason: "not-found" | "forbidden" | "in-use" };

// Deletes the record if nothing uses it and `mayDelete` allows it; checked and deleted in one
// transaction, so an article saved meanwhile cannot start using a deleted image unnoticed.
export async function deleteUnusedMedia({
  id,
  mayDelete,
}: {
  id: string;
  mayDelete: (record: { ownerId: number | null }) => boolean;
}): Promise<DeleteMediaResult> {
  return inWriteTransaction((tx) => {
    const record = tx.select().from(media).where(eq(media.id, id)).get();
    if (!record) return { ok: false, reason: "not-found" } as const;
    if (!mayDelete(record)) return { ok: false, reason: "forbidden" } as const;
    const used = tx.select({ id: articles.id }).from(articles).where(usedBy(id)).limit(1).get();
    if (used) return { ok: false, reason: "in-use" } as const;
    tx.delete(media).where(eq(media.id, id)).run();
    return { ok: true, widths: record.variants.map((variant) => variant.width) } as const;
  });
}

export type CoverChoice = { id: string; variants: MediaVariant[]; createdAt: Date; ownerName: string | null };

// The uploads the editor offers as a cover, newest first: the author's own (everyone's for
// `ownerId` null, for admins), plus the article's current cover whoever uploaded it.
export async function listCoverChoices({ ownerId, currentCoverId }: { ownerId: number | null; currentCoverId: string | null }): Promise<CoverChoice[]> {
  const owned = ownerId === null ? undefined : eq(media.ownerId, ownerId);
  const current = currentCoverId === null ? undefined : inArray(media.id, [currentCoverId]);
  return getDb()
    .select({ id: media.id, variants: media.variants, createdAt: media.createdAt, ownerName: users.displayName })
    .from(media)
    .leftJoin(users, eq(users.id, media.ownerId))
    .where(owned && current ? or(owned, current) : owned)
    .orderBy(desc(media.createdAt))
    .all();
}
