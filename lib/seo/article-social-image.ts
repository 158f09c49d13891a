import { createHash } from "node:crypto";
import type { PublishedArticle } from "../../db/queries/articles";

// The article's social image: app/(site)/articles/[slug]/social-image.png/route.tsx draws it; the
// article page names it in og:image, twitter:image and its JSON-LD.
export const SOCIAL_IMAGE_SIZE = { width: 1200, height: 630 } as const;

export type SocialImageArticle = Pick<PublishedArticle, "slug" | "title"> & {
  author: Pick<PublishedArticle["author"], "displayName">;
  cover: Pick<NonNullable<PublishedArticle["cover"]>, "mediaId"> | null;
};

// Link previews (social networks, chat apps) keep an image by its URL for a long time: the URL
// carries a version drawn from everything the image shows, so a new title, author name, site title
// or cover gives a new URL, while edits that leave the card as it was keep the old one. (An
// upload's variants never change, so its id stands for the picture.)
export function articleSocialImagePath(article: SocialImageArticle, siteTitle: string): string {
  const version = createHash("sha256")
    .update(JSON.stringify([article.title, article.author.displayName, siteTitle, article.cover?.mediaId ?? null]))
    .digest("base64url")
    .slice(0, 12);
  return `/articles/${article.slug}/social-image.png?v=${version}`;
}
