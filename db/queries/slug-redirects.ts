import { and, eq } from "drizzle-orm";
import { getDb, type Transaction } from "../client";
import { articles, publications, slugRedirects, tags, type SlugRedirectKind } from "../schema";
import { isVisibleToReaders } from "./article-visibility";
import { currentTime } from "../../lib/clock";

// Called in the transaction that renames: the old URL keeps answering with a 301 to the new one,
// and a slug taken back (renamed A → B → A) stops redirecting.
export function recordSlugChange(
  tx: Transaction,
  { kind, targetId, oldSlug, newSlug }: { kind: SlugRedirectKind; targetId: number; oldSlug: string; newSlug: string },
): void {
  if (oldSlug === newSlug) return;
  tx.delete(slugRedirects).where(and(eq(slugRedirects.kind, kind), eq(slugRedirects.oldSlug, newSlug))).run();
  tx.insert(slugRedirects)
    .values({ kind, oldSlug, targetId })
    .onConflictDoUpdate({ target: [slugRedirects.kind, slugRedirects.oldSlug], set: { targetId } })
    .run();
}

// When a tag is merged into another, its old URLs lead to the one it became.
export function moveSlugRedirects(tx: Transaction, { kind, fromId, toId }: { kind: SlugRedirectKind; fromId: number; toId: number }): void {
  tx.update(slugRedirects)
    .set({ targetId: toId })
    .where(and(eq(slugRedirects.kind, kind), eq(slugRedirects.targetId, fromId)))
    .run();
}

export function deleteSlugRedirectsTo(tx: Transaction, { kind, targetId }: { kind: SlugRedirectKind; targetId: number }): void {
  tx.delete(slugRedirects).where(and(eq(slugRedirects.kind, kind), eq(slugRedirects.targetId, targetId))).run();
}

// Where an old slug leads now, or null. An article redirect only counts while the article is
// visible to readers, so an unpublished article's old URL is a 404 like its new one.
export async function findSlugRedirect({
  kind,
  slug,
  now = currentTime(),
}: {
  kind: SlugRedirectKind;
  slug: string;
  now?: Date;
}): Promise<string | null> {
  const db = getDb();
  const redirect = db
    .select({ targetId: slugRedirects.targetId })
    .from(slugRedirects)
    .where(and(eq(slugRedirects.kind, kind), eq(slugRedirects.oldSlug, slug)))
    .get();
  if (!redirect) return null;
  switch (kind) {
    case "article":
      return (
        db
          .select({ slug: articles.slug })
          .from(articles)
          .where(and(eq(articles.id, redirect.targetId), isVisibleToReaders(now)))
          .get()?.slug ?? null
      );
    case "tag":
      return db.select({ slug: tags.slug }).from(tags).where(eq(tags.id, redirect.targetId)).get()?.slug ?? null;
    case "publication":
      return (
        db.select({ slug: publications.slug }).from(publications).where(eq(publications.id, redirect.targetId)).get()?.slug ??
        null
      );
  }
}
