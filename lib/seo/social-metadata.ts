import type { Metadata } from "next";
import { SOCIAL_IMAGE_SIZE } from "./article-social-image";

// OpenGraph and Twitter card tags for a reader page. Next replaces (does not merge) a parent's
// openGraph and twitter objects, so every page builds both here. Relative URLs are made absolute
// by the root layout's metadataBase (SITE_URL).
export function socialMetadata({
  title,
  description,
  path,
  siteName,
  article,
}: {
  title: string;
  description: string;
  path: string;
  siteName: string;
  // An article's social image: its path (with its version, lib/seo/article-social-image.ts) and
  // alt text (what the card says).
  article?: { publishedTime: Date; modifiedTime: Date; authorUrl: string; tags: readonly string[]; image: { path: string; alt: string } };
}): Pick<Metadata, "openGraph" | "twitter"> {
  const common = { title, description, url: path, siteName, locale: "en_US" };
  const images = article ? [{ url: article.image.path, ...SOCIAL_IMAGE_SIZE, alt: article.image.alt, type: "image/png" }] : undefined;
  return {
    openGraph: article
      ? {
          ...common,
          type: "article",
          publishedTime: article.publishedTime.toISOString(),
          modifiedTime: article.modifiedTime.toISOString(),
          authors: [article.authorUrl],
          tags: [...article.tags],
          images,
        }
      : { ...common, type: "website" },
    twitter: { card: article ? "summary_large_image" : "summary", title, description, images },
  };
}
