import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_REQUEST_BODY_BYTES, hasItsOwnBodyLimit } from "../request-body-limit";
import { readRequestBody, replayedRequest } from "./replayed-request";

function isMultipartPost(req: IncomingMessage): boolean {
  return req.method === "POST" && /^\s*multipart\/form-data/i.test(req.headers["content-type"] ?? "") && !hasItsOwnBodyLimit(req.url);
}

// Whether the body parses as form data for its declared boundary, with the parser Next itself uses
// for a form post that may be a server action (undici's, behind Request.formData()).
async function isWellFormedMultipart(body: Buffer, contentType: string): Promise<boolean> {
  try {
    await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    return true;
  } catch {
    return false;
  }
}

// Next answers a multipart POST to a page whose body it cannot parse (another boundary, cut short,
// garbage) with a 500. Such a body is refused here with a 400 instead; a well-formed one is handed
// on as a replay of the bytes already read. Bodies are at most 2 MB (refuseUnacceptableBody has
// checked Content-Length); uploads, which stream up to 10 MB, are left to their route.
// Resolves to the request to hand on, or null once the 400 is sent.
export async function checkedMultipartRequest(req: IncomingMessage, res: ServerResponse): Promise<IncomingMessage | null> {
  if (!isMultipartPost(req)) return req;
  let body: Buffer;
  try {
    body = await readRequestBody(req, MAX_REQUEST_BODY_BYTES);
  } catch {
    // The client went away (or sent more than it announced): there is no one to answer.
    res.destroy();
    return null;
  }
  if (!(await isWellFormedMultipart(body, req.headers["content-type"] ?? ""))) {
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
    res.end("Bad Request: malformed multipart body.\n");
    return null;
  }
  return replayedRequest(req, body);
}
