import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { getConfig } from "../config";
import { MEDIA_ID_PATTERN } from "./media-id";

export { MEDIA_ID_PATTERN };

// The files of uploaded images in UPLOADS_DIR. Names are built here only, from a random id and a
// number, and every name read from a URL must match the pattern first: no user text ever reaches
// a path, so nothing can point outside the folder.
export const MEDIA_FILE_PATTERN = /^([0-9a-f]{24})-([1-9][0-9]{0,4})\.webp$/;

export function newMediaId(): string {
  return randomBytes(12).toString("hex");
}

export function mediaFileName(id: string, width: number): string {
  if (!MEDIA_ID_PATTERN.test(id) || !Number.isInteger(width) || width <= 0) throw new Error("invalid media file name");
  return `${id}-${width}.webp`;
}

export function mediaUrl(id: string, width: number): string {
  return `/media/${mediaFileName(id, width)}`;
}

function uploadsDir(): string {
  return getConfig().uploadsDir;
}

// Written under a temporary name and renamed, so a reader never gets half a file.
export async function writeMediaFiles(id: string, variants: readonly { width: number; data: Buffer }[]): Promise<void> {
  const dir = uploadsDir();
  await fs.mkdir(dir, { recursive: true });
  for (const variant of variants) {
    const final = path.join(dir, mediaFileName(id, variant.width));
    const temporary = `${final}.${randomBytes(4).toString("hex")}.tmp`;
    await fs.writeFile(temporary, variant.data, { mode: 0o644 });
    await fs.rename(temporary, final);
  }
}

export async function deleteMediaFiles(id: string, widths: readonly number[]): Promise<void> {
  const dir = uploadsDir();
  await Promise.all(widths.map((width) => fs.rm(path.join(dir, mediaFileName(id, width)), { force: true })));
}

// The stored file for a /media/<name> URL, or null when the name is not one of ours or is missing.
export async function readMediaFile(name: string): Promise<Buffer | null> {
  if (!MEDIA_FILE_PATTERN.test(name)) return null;
  try {
    return await fs.readFile(path.join(uploadsDir(), name));
  } catch {
    return null;
  }
}
