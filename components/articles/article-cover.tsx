import type { ArticleCoverImage } from "@/db/queries/articles";
import { ARTICLE_IMAGE_SIZES } from "@/lib/media/media-reference";
import { mediaUrl } from "@/lib/media/media-files";

// The article's cover above the body. It is the page's largest image (its LCP), so it loads at
// once with high priority; srcset lets the browser pick a variant, and width/height reserve its
// space. The caption is the author's plain text.
export function ArticleCover({ cover }: { cover: ArticleCoverImage }) {
  const widest = cover.variants[cover.variants.length - 1];
  if (!widest) return null;
  return (
    <figure className="article-figure article-cover">
      {/* eslint-disable-next-line @next/next/no-img-element -- our own WebP variants, already sized */}
      <img
        src={mediaUrl(cover.mediaId, widest.width)}
        srcSet={cover.variants.map((variant) => `${mediaUrl(cover.mediaId, variant.width)} ${variant.width}w`).join(", ")}
        sizes={ARTICLE_IMAGE_SIZES}
        width={widest.width}
        height={widest.height}
        alt={cover.decorative ? "" : cover.alt}
        loading="eager"
        fetchPriority="high"
      />
      {cover.caption.trim() !== "" ? <figcaption>{cover.caption}</figcaption> : null}
    </figure>
  );
}
