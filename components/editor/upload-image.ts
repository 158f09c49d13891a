import { formatBytes, MAX_UPLOAD_BYTES, uploadMessages } from "@/lib/media/upload-limits";

export type UploadedImage = { id: string; variants: { width: number; height: number }[] };

const uploadFailed = "The upload failed. Please try again.";

// Why this file cannot be sent, checked in the browser before uploading; null when it can be.
export function imageFileProblem(file: File): string | null {
  if (file.size > MAX_UPLOAD_BYTES) return `${uploadMessages.tooLarge} This one is ${formatBytes(file.size)}.`;
  if (file.size === 0) return uploadMessages.empty;
  return null;
}

// Sends the file to /api/uploads (the route decides the type from its content). A refusal comes
// back as its message; a lost connection throws, for the caller to say so.
export async function uploadImageFile(file: File): Promise<{ ok: true; image: UploadedImage } | { ok: false; message: string }> {
  const response = await fetch("/api/uploads", { method: "POST", body: file, headers: { "content-type": file.type || "application/octet-stream" } });
  const answer = (await response.json().catch(() => ({ error: response.status === 413 ? uploadMessages.tooLarge : uploadFailed }))) as UploadedImage | { error: string };
  if (!response.ok || "error" in answer) return { ok: false, message: "error" in answer ? answer.error : uploadFailed };
  return { ok: true, image: answer };
}
