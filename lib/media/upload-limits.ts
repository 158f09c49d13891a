// Limits of image uploads, shared by the upload route, the image processing and the editor (which
// checks the size before sending). Pure: no Node-only imports, so the browser bundle can use it.
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
// A decompression bomb (a small file that decodes to billions of pixels) is refused before decoding.
export const MAX_INPUT_PIXELS = 40_000_000;
export const ACCEPTED_IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/avif"] as const;
// The widths encoded for srcset; an image narrower than one gets its own width as the widest.
export const VARIANT_WIDTHS = [480, 960, 1600] as const;

export const uploadMessages = {
  tooLarge: "The file is larger than 10 MB. Choose a smaller image (or export it at a lower size).",
  notAnImage: "This file is not a JPEG, PNG, WebP or AVIF image (whatever its name says). Choose an image file.",
  tooManyPixels: "The image has too many pixels (at most 40 megapixels). Resize it and try again.",
  empty: "The file is empty.",
  unreadable: "The image could not be read; it may be damaged. Try exporting it again.",
  signedOut: "Your session has ended. Sign in again to upload images.",
  forbidden: "You do not have permission to upload images.",
} as const;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// The variant widths for an upright original `width` pixels wide.
export function variantWidthsFor(width: number): number[] {
  const widest = Math.min(width, VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1] ?? width);
  return [...VARIANT_WIDTHS.filter((candidate) => candidate < widest), widest];
}
