import Link from "next/link";
import { getArticleNeighbours } from "@/db/queries/article-neighbours";

// Previous (older) and next (newer) article in publication order; plain links.
export async function ArticleNeighboursNav({ article }: { article: { id: number; publishedAt: Date } }) {
  const { previous, next } = await getArticleNeighbours({ articleId: article.id, publishedAt: article.publishedAt });
  if (!previous && !next) return null;
  return (
    <nav className="article-neighbours" aria-label="Previous and next articles">
      {previous ? (
        <p className="article-neighbour-previous">
          <span className="article-neighbour-label">Previous article</span>{" "}
          <Link href={`/articles/${previous.slug}`} rel="prev">
            {previous.title}
          </Link>
        </p>
      ) : null}
      {next ? (
        <p className="article-neighbour-next">
          <span className="article-neighbour-label">Next article</span>{" "}
          <Link href={`/articles/${next.slug}`} rel="next">
            {next.title}
          </Link>
        </p>
      ) : null}
    </nav>
  );
}
