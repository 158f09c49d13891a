import { and, eq, exists } from "drizzle-orm";
import { cacheTags, recordCacheTags } from "../../lib/cache-tags";
import { getDb } from "../client";
import { articles, users } from "../schema";
import { isVisibleToReaders } from "./article-visibility";
import { currentTime } from "../../lib/clock";

export type AuthorProfile = { id: number; slug: string; displayName: string; bio: string };

// An author page exists once the user has a reader-visible article; reader accounts stay private.
export async function getAuthorBySlug({
  slug,
  now = currentTime(),
}: {
  slug: string;
  now?: Date;
}): Promise<AuthorProfile | null> {
  const db = getDb();
  const hasVisibleArticle = exists(
    db
      .select({ one: articles.id })
      .from(articles)
      .where(and(eq(articles.authorId, users.id), isVisibleToReaders(now))),
  );
  const author = db
    .select({ id: users.id, slug: users.slug, displayName: users.displayName, bio: users.bio })
    .from(users)
    .where(and(eq(users.slug, slug), hasVisibleArticle))
    .get();
  if (!author) return null;
  recordCacheTags(cacheTags.author(author.id));
  return author;
}
