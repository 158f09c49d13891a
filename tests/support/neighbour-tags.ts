import { getArticleNeighbours } from "@/db/queries/article-neighbours";
import { cacheTags } from "@/lib/cache-tags";

// The article tags of the previous/next articles around an article's place: what a writer
// invalidates when the article arrives there (db/queries/article-neighbours.ts).
export async function neighbourTagsAt(articleId: number, publishedAt: Date, now?: Date): Promise<string[]> {
  const { previous, next } = await getArticleNeighbours({ articleId, publishedAt, ...(now ? { now } : {}) });
  return [previous, next].filter((link) => link !== null).map((link) => cacheTags.article(link.id));
}
