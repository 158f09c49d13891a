import { eq } from "drizzle-orm";
import { articles, tags } from "../../db/schema";
import { getDb, getUserIdBySlug } from "./database";

// Helpers for specs that write to the shared end-to-end database. Every name they create carries
// a random suffix, since two workers write to one database at the same time.

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function requireUserId(slug: string): Promise<number> {
  const id = await getUserIdBySlug({ slug });
  if (id === null) throw new Error(`The e2e database has no user "${slug}"`);
  return id;
}

export function requireArticleId(slug: string): number {
  const row = getDb().select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)).get();
  if (!row) throw new Error(`The e2e database has no article "${slug}"`);
  return row.id;
}

// A bare tag for a test. A brand-new tag is on no cached page (its URL answered 404 until now,
// and 404s are never cached), so inserting it directly needs no cache invalidation.
export function createTag(slug: string, name: string): number {
  return getDb().insert(tags).values({ slug, name }).returning({ id: tags.id }).get().id;
}
