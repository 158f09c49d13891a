import { variantWidthsFor } from "./upload-limits";

// How an uploaded image is written in Markdown: the URL of its widest variant, with its size in
// the fragment — `![Alt text](/media/<id>-1600.webp#1600x900 "Optional caption")` — so the one
// Markdown pipeline (server and the editor's preview alike) can build srcset, width and height
// without a database. `:decorative` at the end of the fragment (and empty alt text) marks an
// image that conveys nothing; other images may use `#decorative` the same way.
const REFERENCE_PATTERN = /^\/media\/([0-9a-f]{24})-([1-9][0-9]{0,4})\.webp#([1-9][0-9]{0,4})x([1-9][0-9]{0,4})(:decorative)?$/;

export type MediaReference = { id: string; width: number; height: number; decorative: boolean };

export function mediaReference(media: { id: string; variants: readonly { width: number; height: number }[] }, { decorative = false } = {}): string {
  const widest = media.variants[media.variants.length - 1];
  if (!widest) throw new Error("an image without variants");
  return `/media/${media.id}-${widest.width}.webp#${widest.width}x${widest.height}${decorative ? ":decorative" : ""}`;
}

export function parseMediaReference(src: string): MediaReference | null {
  const match = REFERENCE_PATTERN.exec(src);
  if (!match) return null;
  const [, id, fileWidth, width, height, decorative] = match;
  if (fileWidth !== width) return null;
  return { id: id!, width: Number(width), height: Number(height), decorative: decorative !== undefined };
}

// Whether an image's address marks it decorative (ours or any other).
export function isMarkedDecorative(src: string): boolean {
  const hash = src.indexOf("#");
  return hash !== -1 && /(^|:)decorative$/.test(src.slice(hash + 1));
}

// srcset of every variant (they are the widths the upload made, up to the referenced width).
export function srcSetFor(reference: MediaReference, origin = ""): string {
  return variantWidthsFor(reference.width)
    .map((width) => `${origin}/media/${reference.id}-${width}.webp ${width}w`)
    .join(", ");
}

// Images fill the text column (42rem at most) on wide screens, the viewport on narrow ones.
export const ARTICLE_IMAGE_SIZES = "(min-width: 46rem) 42rem, 100vw";
