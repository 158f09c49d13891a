import type { IncomingMessage, ServerResponse } from "node:http";

// The largest request body the site accepts: an article of 200,000 characters (up to 800 kB of
// UTF-8) with its form fields fits with room to spare. next.config.ts gives server actions the
// same limit, so Next's own check agrees with this one.
export const MAX_REQUEST_BODY_BYTES = 2 * 1024 * 1024;
export const MAX_REQUEST_BODY_LABEL = "2mb";

// Image uploads take up to 10 MB: their route handler counts the body as it streams and answers
// 413 in the form the editor shows (app/api/uploads/route.ts), so the server leaves them to it.
export function hasItsOwnBodyLimit(url: string | undefined): boolean {
  if (url === undefined) return false;
  const query = url.indexOf("?");
  return (query === -1 ? url : url.slice(0, query)) === "/api/uploads";
}

function refuse(res: ServerResponse, status: 400 | 411 | 413, message: string): true {
  // The body is not read: close the connection rather than drain megabytes.
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", connection: "close" });
  res.end(message);
  return true;
}

// Refuses, before Next reads anything, a body announced larger than the limit, and a body of
// unannounced length (chunked), whose size is only known once it has all been received.
// Browsers always send Content-Length for forms and server actions. Also refuses a multipart
// body without a boundary, which Next's form parser would answer with a 500.
export function refuseUnacceptableBody(req: IncomingMessage, res: ServerResponse): boolean {
  if (hasItsOwnBodyLimit(req.url)) return false;
  const contentType = req.headers["content-type"] ?? "";
  if (/^\s*multipart\/form-data/i.test(contentType) && !/;\s*boundary=("[^"]+"|[^\s;]+)/i.test(contentType)) {
    return refuse(res, 400, "Bad Request: multipart body without a boundary.\n");
  }
  const length = req.headers["content-length"];
  if (length === undefined) {
    if (req.headers["transfer-encoding"] === undefined) return false;
    return refuse(res, 411, "Length Required: send the request body with a Content-Length.\n");
  }
  const bytes = Number(length);
  if (!Number.isSafeInteger(bytes) || bytes < 0) return refuse(res, 400, "Bad Request: invalid Content-Length.\n");
  if (bytes > MAX_REQUEST_BODY_BYTES) {
    return refuse(res, 413, `Request body too large: the limit is ${MAX_REQUEST_BODY_BYTES / 1024 / 1024} MB.\n`);
  }
  return false;
}
