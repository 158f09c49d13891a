import { readMediaFile } from "@/lib/media/media-files";

// /media/<id>-<width>.webp: uploaded images' variants. The name must match the pattern of the
// names we create (a random id and a width), so no URL reaches outside UPLOADS_DIR. A file never
// changes under its name (a new upload gets a new id), so browsers and proxies keep it for a year.
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const data = await readMediaFile(file);
  if (!data) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  return new Response(new Uint8Array(data), {
    headers: {
      "content-type": "image/webp",
      "content-length": String(data.byteLength),
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
}
