import "server-only";
import sharp from "sharp";
import { mediaFileName, readMediaFile } from "./media-files";

// The cover, cropped to the social image's size and encoded as JPEG: the card renderer
// (next/og) cannot draw WebP, and a JPEG keeps the embedded photo small. Null when the file is
// gone or unreadable, so the card falls back to text only.
export async function socialCoverDataUrl(
  cover: { mediaId: string; variants: readonly { width: number }[] },
  size: { width: number; height: number },
): Promise<string | null> {
  const widest = cover.variants[cover.variants.length - 1];
  if (!widest) return null;
  const file = await readMediaFile(mediaFileName(cover.mediaId, widest.width));
  if (!file) return null;
  try {
    const jpeg = await sharp(file).resize({ width: size.width, height: size.height, fit: "cover" }).jpeg({ quality: 82 }).toBuffer();
    return `data:image/jpeg;base64,${jpeg.toString("base64")}`;
  } catch {
    return null;
  }
}
