import Link from "next/link";
import type { ArticleSummary } from "@/db/queries/articles";
import { DateTime } from "@/components/ui/date-time";
import { readingTimeLabel } from "@/lib/reading-time";
import { mediaUrl } from "@/lib/media/media-files";

// Shown at 10rem beside the text on wide screens, across the column on narrow ones.
const THUMBNAIL_SIZES = "(min-width: 40rem) 10rem, 100vw";

// The cover as a listing thumbnail. It repeats what the title beside it says, so it is decorative
// (empty alt) and not a second link; the article's own page carries the described cover. Only the
// first item's image may be in view on arrival, so the others load lazily.
function SummaryThumbnail({ cover, eager }: { cover: NonNullable<ArticleSummary["cover"]>; eager: boolean }) {
  const narrowest = cover.variants[0];
  if (!narrowest) return null;
  const candidates = cover.variants.filter((variant) => variant.width <= 960);
  return (
    // eslint-disable-next-line @next/next/no-img-element -- our own WebP variants, already sized
    <img
      className="article-summary-cover"
      src={mediaUrl(cover.mediaId, narrowest.width)}
      srcSet={(candidates.length > 0 ? candidates : [narrowest]).map((variant) => `${mediaUrl(cover.mediaId, variant.width)} ${variant.width}w`).join(", ")}
      sizes={THUMBNAIL_SIZES}
      width={narrowest.width}
      height={narrowest.height}
      alt=""
      loading={eager ? "eager" : "lazy"}
      decoding="async"
    />
  );
}

function commentCountLabel(count: number): string {
  return count === 1 ? "1 comment" : `${count} comments`;
}

export function ArticleSummaryList({ articles, showAuthor = true }: { articles: ArticleSummary[]; showAuthor?: boolean }) {
  return (
    <ol className="article-list">
      {articles.map((article, index) => (
        <li key={article.id}>
          <article className={article.cover ? "article-summary has-cover" : "article-summary"}>
            {article.cover ? <SummaryThumbnail cover={article.cover} eager={index === 0} /> : null}
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
