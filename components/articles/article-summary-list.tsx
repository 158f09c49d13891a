import Link from "next/link";
import type { ArticleSummary } from "@/db/queries/articles";
import { DateTime } from "@/components/ui/date-time";
import { readingTimeLabel } from "@/lib/reading-time";

function commentCountLabel(count: number): string {
  return count === 1 ? "1 comment" : `${count} comments`;
}

export function ArticleSummaryList({ articles, showAuthor = true }: { articles: ArticleSummary[]; showAuthor?: boolean }) {
  return (
    <ol className="article-list">
      {articles.map((article) => (
        <li key={article.id}>
          <article className="article-summary">
            <h2>
              <Link href={`/articles/${article.slug}`}>{article.title}</Link>
            </h2>
            <p className="article-meta">
              {showAuthor ? (
                <>
                  By <Link href={`/authors/${article.author.slug}`}>{article.author.displayName}</Link>
                  {" · "}
                </>
              ) : null}
              <DateTime date={article.publishedAt} />
              {" · "}
              {readingTimeLabel(article.readingMinutes)}
              {" · "}
              <Link href={`/articles/${article.slug}#comments`}>{commentCountLabel(article.commentCount)}</Link>
            </p>
            {article.excerpt ? <p className="article-excerpt">{article.excerpt}</p> : null}
          </article>
        </li>
      ))}
    </ol>
  );
}
