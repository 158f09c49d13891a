import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_REQUEST_BODY_BYTES, hasItsOwnBodyLimit } from "../request-body-limit";
import { isDecodableActionArguments, isDecodableFormAction, type PayloadRows } from "./action-payload-check";
import { readRequestBody, replayedRequest } from "./replayed-request";

const isMultipart = (contentType: string) => /^\s*multipart\/form-data/i.test(contentType);
const isUrlEncoded = (contentType: string) => /^\s*application\/x-www-form-urlencoded/i.test(contentType);

// The POSTs Next decodes as a possible server action: multipart forms (a form posted without
// JavaScript may be one), and anything with a Next-Action header (a call from the page's script),
// except urlencoded bodies, which Next refuses on its own (404). Uploads are left to their route,
// which streams up to 10 MB.
function needsCheck(req: IncomingMessage): boolean {
  if (req.method !== "POST" || hasItsOwnBodyLimit(req.url)) return false;
  const contentType = req.headers["content-type"] ?? "";
  if (isMultipart(contentType)) return true;
  return req.headers["next-action"] !== undefined && !isUrlEncoded(contentType);
}

// Next's CSRF check refuses a server action whose Origin is not the site's by throwing, which
// answers 500; the same check here answers 403 first. As in Next (parseHostHeader in its action
// handler), the origin's host must be the first X-Forwarded-Host or the Host; a request without
// Origin (not from a browser) passes, as it does there. Route handlers (/api/) have no such check.
function isCrossOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || (req.url ?? "").startsWith("/api/")) return false;
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return true;
  }
  const forwarded = req.headers["x-forwarded-host"];
  const forwardedHost = Array.isArray(forwarded) ? forwarded[0] : forwarded?.split(",")[0]?.trim();
  return originHost !== forwardedHost && originHost !== req.headers.host;
}

// The body as form data, parsed with the parser Next itself uses for a form post that may be a
// server action (undici's, behind Request.formData()); null when it does not parse.
async function parsedMultipart(body: Buffer, contentType: string): Promise<FormData | null> {
  try {
    return await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
  } catch {
    return null;
  }
}

function rowsOf(form: FormData, prefix: string): PayloadRows {
  return (id) => {
    const value = form.get(`${prefix}${id}`);
    if (value === null) return undefined;
    return typeof value === "string" ? value : "file";
  };
}

// What is wrong with the body, or null when Next can decode it.
async function problemWith(req: IncomingMessage, body: Buffer): Promise<string | null> {
  const contentType = req.headers["content-type"] ?? "";
  const isFetchAction = req.headers["next-action"] !== undefined;
  if (!isMultipart(contentType)) {
    const text = body.toString("utf8");
    return isDecodableActionArguments((id) => (id === 0 ? text : undefined)) ? null : "malformed server action arguments";
  }
  const form = await parsedMultipart(body, contentType);
  if (form === null) return "malformed multipart body";
  if (isFetchAction) return isDecodableActionArguments(rowsOf(form, "")) ? null : "malformed server action arguments";
  for (const name of form.keys()) {
    if (!name.startsWith("$ACTION_REF_")) continue;
    if (!isDecodableFormAction(rowsOf(form, `$ACTION_${name.slice("$ACTION_REF_".length)}:`))) return "malformed server action form";
  }
  return null;
}

// Next answers a POST whose body it cannot decode as a server action (a multipart body cut short
// or with another boundary, action arguments that are not React's encoding) with a 500. Such a
// body is read here (at most 2 MB: refuseUnacceptableBody has checked Content-Length) and refused
// with a 400; a sound one is handed on as a replay of the bytes already read.
// Resolves to the request to hand on, or null once the request is answered.
export async function checkedRequestBody(req: IncomingMessage, res: ServerResponse): Promise<IncomingMessage | null> {
  if (!needsCheck(req)) return req;
  if (isCrossOrigin(req)) {
    // The body is not read: close the connection rather than drain it.
    res.writeHead(403, { "content-type": "text/plain; charset=utf-8", connection: "close" });
    res.end("Forbidden: a form posted from another site.\n");
    return null;
  }
  let body: Buffer;
  try {
    body = await readRequestBody(req, MAX_REQUEST_BODY_BYTES);
  } catch {
    // The client went away (or sent more than it announced): there is no one to answer.
    res.destroy();
    return null;
  }
  const problem = await problemWith(req, body);
  if (problem !== null) {
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
    res.end(`Bad Request: ${problem}.\n`);
    return null;
  }
  return replayedRequest(req, body);
}
