import sharp, { type Metadata } from "sharp";
import { MAX_INPUT_PIXELS, variantWidthsFor } from "./upload-limits";

// Turns an uploaded file into WebP variants for srcset. The format is decided from the content
// (sharp reads the header), never from a name or a Content-Type; the pixel limit refuses
// decompression bombs before decoding; EXIF orientation is applied and every metadata block
// (EXIF, GPS, ICC comments, XMP) is dropped, as sharp writes none unless asked.

export type SourceFormat = "jpeg" | "png" | "webp" | "avif";

export type EncodedVariant = { width: number; height: number; data: Buffer };

export type ProcessedImage = { format: SourceFormat; width: number; height: number; variants: EncodedVariant[] };

export type ProcessFailure = "not-an-image" | "too-many-pixels" | "unreadable";

export type ProcessResult = { ok: true; image: ProcessedImage } | { ok: false; reason: ProcessFailure };

const inputOptions = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" } as const;

function sourceFormatOf(metadata: Metadata): SourceFormat | null {
  switch (metadata.format) {
    case "jpeg":
    case "png":
    case "webp":
      return metadata.format;
    // HEIF is a container; only its AV1 flavour (AVIF) is accepted.
    case "heif":
      return metadata.compression === "av1" ? "avif" : null;
    default:
      return null;
  }
}

function exceedsPixelLimit(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message);
}

export async function processImage(input: Buffer): Promise<ProcessResult> {
  let metadata: Metadata;
  try {
    metadata = await sharp(input, inputOptions).metadata();
  } catch (error) {
    return { ok: false, reason: exceedsPixelLimit(error) ? "too-many-pixels" : "not-an-image" };
  }
  const format = sourceFormatOf(metadata);
  if (!format || !metadata.width || !metadata.height) return { ok: false, reason: "not-an-image" };
  if (metadata.width * metadata.height > MAX_INPUT_PIXELS) return { ok: false, reason: "too-many-pixels" };
  // Orientations 5–8 turn the image a quarter: the upright size swaps.
  const upright = metadata.autoOrient ?? { width: metadata.width, height: metadata.height };
  try {
    const variants: EncodedVariant[] = [];
    for (const width of variantWidthsFor(upright.width)) {
      const { data, info } = await sharp(input, inputOptions)
        .autoOrient()
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 80, effort: 4 })
        .toBuffer({ resolveWithObject: true });
      variants.push({ width: info.width, height: info.height, data });
    }
    return { ok: true, image: { format, width: upright.width, height: upright.height, variants } };
  } catch (error) {
    return { ok: false, reason: exceedsPixelLimit(error) ? "too-many-pixels" : "unreadable" };
  }
}
