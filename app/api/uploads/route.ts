import { NextResponse, type NextRequest } from "next/server";
import { can, getCurrentUser } from "@/lib/authz";
import { logger } from "@/lib/logger";
import { mediaReference } from "@/lib/media/media-reference";
import { drainBody, readCappedBody } from "@/lib/media/read-capped-body";
import { storeUpload } from "@/lib/media/store-upload";
import { MAX_UPLOAD_BYTES, uploadMessages } from "@/lib/media/upload-limits";

// Image uploads. A route handler rather than a server action (those cap bodies at 1 MB): the body
// is the file itself (what the editor sends) or a multipart form with a `file` field (the media
// page without JavaScript, answered with a redirect back to it). Bodies are counted as they
// stream and refused above 10 MB with a 413; the type is decided from the content.

type Refusal = keyof typeof uploadMessages;

const statusFor: Record<Refusal, number> = {
  tooLarge: 413,
  notAnImage: 415,
  tooManyPixels: 422,
  empty: 400,
  unreadable: 422,
  signedOut: 401,
  forbidden: 403,
};

// Multipart framing around the file: boundary lines and part headers.
const MULTIPART_OVERHEAD = 64 * 1024;

function isMultipart(request: NextRequest): boolean {
  return (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

// A same-site path (the request's own URL may name the internal host behind a proxy).
function backToMediaPage(query: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { location: `/dashboard/media?${query}` } });
}

function refuse(request: NextRequest, reason: Refusal): NextResponse {
  if (isMultipart(request)) return backToMediaPage(`error=${reason}`);
  return NextResponse.json({ error: uploadMessages[reason], reason }, { status: statusFor[reason] });
}

// A browser sends Origin (and Sec-Fetch-Site) with every cross-site POST: uploading with the
// visitor's cookie from another site is refused. Clients that are not browsers send neither.
function crossSite(request: NextRequest): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.get("host");
  } catch {
    return true;
  }
}

async function fileFrom(request: NextRequest): Promise<{ data: Buffer } | { refusal: Refusal }> {
  const multipart = isMultipart(request);
  const limit = multipart ? MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD : MAX_UPLOAD_BYTES;
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    // Drained, not kept: the browser still gets to read this answer.
    void drainBody(request.body, limit * 3).catch(() => undefined);
    return { refusal: "tooLarge" };
  }
  const body = await readCappedBody(request.body, limit);
  if (!body.ok) return { refusal: "tooLarge" };
  if (!multipart) return body.data.byteLength === 0 ? { refusal: "empty" } : { data: body.data };
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body.data), { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return { refusal: "notAnImage" };
  }
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) return { refusal: "empty" };
  if (file.size > MAX_UPLOAD_BYTES) return { refusal: "tooLarge" };
  return { data: Buffer.from(await file.arrayBuffer()) };
}

export async function POST(request: NextRequest): Promise<NextResponse> {
  if (crossSite(request)) return NextResponse.json({ error: "Cross-site uploads are refused." }, { status: 403 });
  const user = await getCurrentUser();
  if (!user) return refuse(request, "signedOut");
  if (!can(user, "article:write")) return refuse(request, "forbidden");

  const file = await fileFrom(request);
  if ("refusal" in file) return refuse(request, file.refusal);
  let stored;
  try {
    stored = await storeUpload({ data: file.data, ownerId: user.id });
  } catch (error) {
    logger.error({ err: error, userId: user.id }, "upload failed");
    return NextResponse.json({ error: "The image could not be saved. Please try again." }, { status: 500 });
  }
  if (!stored.ok) {
    return refuse(request, stored.reason === "not-an-image" ? "notAnImage" : stored.reason === "too-many-pixels" ? "tooManyPixels" : "unreadable");
  }
  const { media } = stored;
  if (isMultipart(request)) return backToMediaPage(`uploaded=${media.id}`);
  return NextResponse.json(
    { id: media.id, width: media.width, height: media.height, reference: mediaReference(media), variants: media.variants },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
}
