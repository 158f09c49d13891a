import { eq } from "drizzle-orm";
import { cacheTags } from "../../lib/cache-tags";
import { invalidateCacheTags } from "../cache-invalidation";
import { getDb, inWriteTransaction } from "../client";
import { users } from "../schema";

// The public profile shown in author boxes, bylines and author pages.
export async function updateUserProfile({
  userId,
  displayName,
  bio,
}: {
  userId: number;
  displayName?: string;
  bio?: string;
}): Promise<boolean> {
  return inWriteTransaction((tx) => {
    const result = tx
      .update(users)
      .set({
        ...(displayName === undefined ? {} : { displayName }),
        ...(bio === undefined ? {} : { bio }),
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId))
      .run();
    if (result.changes === 0) return false;
    invalidateCacheTags(tx, [cacheTags.author(userId)]);
    return true;
  });
}

export async function getUserIdBySlug({ slug }: { slug: string }): Promise<number | null> {
  const row = getDb().select({ id: users.id }).from(users).where(eq(users.slug, slug)).get();
  return row?.id ?? null;
}
