import { eq } from "drizzle-orm";
import { cacheTags, recordCacheTags } from "../../lib/cache-tags";
import { getDb } from "../client";
import { publications } from "../schema";

export type PublicationProfile = {
  id: number;
  slug: string;
  name: string;
  country: string | null;
  language: string | null;
  website: string | null;
  description: string;
};

// What readers see of a publication, wherever it is shown.
export const publicationProfileColumns = {
  id: publications.id,
  slug: publications.slug,
  name: publications.name,
  country: publications.country,
  language: publications.language,
  website: publications.website,
  description: publications.description,
};

export async function getPublicationBySlug({ slug }: { slug: string }): Promise<PublicationProfile | null> {
  const publication = getDb()
    .select(publicationProfileColumns)
    .from(publications)
    .where(eq(publications.slug, slug))
    .get();
  if (!publication) return null;
  recordCacheTags(cacheTags.publication(publication.id));
  return publication;
}
