import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import { listRelatedArticles } from "@/db/queries/related-articles";

// Up to three articles sharing the most tags with this one, newest first among equals.
export async function RelatedArticles({ article }: { article: { id: number; tags: { id: number }[] } }) {
  const related = await listRelatedArticles({ articleId: article.id, tagIds: article.tags.map((tag) => tag.id) });
  if (related.length === 0) return null;
  return (
    <section className="related-articles" aria-labelledby="related-articles-title">
      <h2 id="related-articles-title">Related articles</h2>
      <ul>
        {related.map((item) => (
          <li key={item.id}>
            <Link href={`/articles/${item.slug}`}>{item.title}</Link>{" "}
            <span className="related-date">
              (<DateTime date={item.publishedAt} />)
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
