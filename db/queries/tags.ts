import { eq } from "drizzle-orm";
import { cacheTags, recordCacheTags } from "../../lib/cache-tags";
import { getDb } from "../client";
import { tags } from "../schema";

export type TagProfile = { id: number; slug: string; name: string };

export async function getTagBySlug({ slug }: { slug: string }): Promise<TagProfile | null> {
  const tag = getDb()
    .select({ id: tags.id, slug: tags.slug, name: tags.name })
    .from(tags)
    .where(eq(tags.slug, slug))
    .get();
  if (!tag) return null;
  recordCacheTags(cacheTags.tag(tag.id));
  return tag;
}
