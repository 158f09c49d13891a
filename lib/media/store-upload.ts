import "server-only";
import { recordMedia, type MediaRecord } from "@/db/queries/media";
import { logger } from "../logger";
import { deleteMediaFiles, newMediaId, writeMediaFiles } from "./media-files";
import { processImage, type ProcessFailure } from "./process-image";

export type StoredUpload = { ok: true; media: Omit<MediaRecord, "createdAt"> } | { ok: false; reason: ProcessFailure };

// Re-encodes an upload, writes its variants under a fresh random id and records it.
export async function storeUpload({ data, ownerId }: { data: Buffer; ownerId: number }): Promise<StoredUpload> {
  const processed = await processImage(data);
  if (!processed.ok) return processed;
  const { image } = processed;
  const id = newMediaId();
  await writeMediaFiles(id, image.variants);
  const record = {
    id,
    ownerId,
    width: image.width,
    height: image.height,
    sourceFormat: image.format,
    sourceBytes: data.byteLength,
    variants: image.variants.map((variant) => ({ width: variant.width, height: variant.height, bytes: variant.data.byteLength })),
  };
  try {
    await recordMedia(record);
  } catch (error) {
    await deleteMediaFiles(id, record.variants.map((variant) => variant.width));
    throw error;
  }
  logger.info({ mediaId: id, ownerId, format: image.format, bytes: data.byteLength }, "image uploaded");
  return { ok: true, media: record };
}
