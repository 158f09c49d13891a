import { createHash, randomBytes } from "node:crypto";
import type { OutgoingHttpHeaders } from "node:http";

// The Content-Security-Policy of every response. Scripts run only from this origin or inline
// when the policy names them: per request by a nonce (Next reads it from the request's own
// Content-Security-Policy header and puts it on every script it writes), and for a page served
// from the page cache by the SHA-256 hashes of the inline scripts that carried the nonce of the
// render that was stored (see policyForStoredPage). No 'unsafe-inline' anywhere.
const fixedDirectives = [
  "default-src 'self'",
  "style-src 'self'",
  // Article Markdown may show images from other sites (rehype-sanitize keeps http(s) images).
  "img-src 'self' data: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

export function newNonce(): string {
  return randomBytes(18).toString("base64");
}

export function contentSecurityPolicy(scriptSources: readonly string[], { https = false } = {}): string {
  const directives = [
    ...fixedDirectives,
    ["script-src 'self'", ...scriptSources].join(" "),
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export function noncePolicy(nonce: string, options: { https?: boolean } = {}): string {
  return contentSecurityPolicy([`'nonce-${nonce}'`], options);
}

const nonceSource = /'nonce-([A-Za-z0-9+/_-]+={0,2})'/;

export function nonceFromPolicy(policy: unknown): string | null {
  return typeof policy === "string" ? (nonceSource.exec(policy)?.[1] ?? null) : null;
}

// Inline <script> elements with their attributes and text. Next writes its scripts (the RSC
// payload, bootstrap) with "<" escaped inside, so "</script>" only ever ends an element.
const inlineScript = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

export function hashSource(scriptText: string): string {
  // Browsers hash the text after HTML input normalisation, which turns CR and CRLF into LF.
  const normalised = scriptText.replace(/\r\n?/g, "\n");
  return `'sha256-${createHash("sha256").update(normalised, "utf8").digest("base64")}'`;
}

// Hash sources for the inline scripts of `html` that carry `nonce`, and the HTML without that
// nonce. Only scripts the render itself marked are trusted: anything else that looks like a script
// in the body (which escaping should already prevent) stays blocked on the cached copy too. The
// nonce also appears on <link> elements and inside the RSC payload (React passes it to the
// elements it adds on the client, which 'self' allows anyway); every copy of it is removed first,
// so the hashes are those of the scripts as stored.
export function hashNoncedScripts(html: string, nonce: string): { html: string; sources: string[] } {
  const nonceAttribute = ` nonce="${nonce}"`;
  const withoutNonce = (text: string) => text.replaceAll(nonceAttribute, "").replaceAll(nonce, "");
  const sources = new Set<string>();
  let stripped = "";
  let last = 0;
  for (const match of html.matchAll(inlineScript)) {
    const [element, attributes = "", text = ""] = match;
    const cleanText = withoutNonce(text);
    const trusted = attributes.includes(nonceAttribute) && !/\bsrc\s*=/i.test(attributes);
    if (trusted && cleanText.length > 0) sources.add(hashSource(cleanText));
    stripped += `${withoutNonce(html.slice(last, match.index))}<script${withoutNonce(attributes)}>${cleanText}</script>`;
    last = match.index + element.length;
  }
  stripped += withoutNonce(html.slice(last));
  return { html: stripped, sources: [...sources] };
}

// A page is stored once and served to many: the nonce of the render that produced it must not be
// replayed (it would be a known nonce, and every hit would carry the same one). So the stored copy
// drops the nonce from its HTML and gets a policy listing the hashes of its own inline scripts.
export function policyForStoredPage(
  headers: OutgoingHttpHeaders,
  body: Buffer,
): { headers: OutgoingHttpHeaders; body: Buffer } {
  const policy = headers["content-security-policy"];
  const nonce = nonceFromPolicy(policy);
  if (typeof policy !== "string" || nonce === null) return { headers, body };
  const https = policy.includes("upgrade-insecure-requests");
  const isHtml = String(headers["content-type"] ?? "").startsWith("text/html");
  if (!isHtml) return { headers: { ...headers, "content-security-policy": contentSecurityPolicy([], { https }) }, body };
  const { html, sources } = hashNoncedScripts(body.toString("utf8"), nonce);
  return {
    headers: { ...headers, "content-security-policy": contentSecurityPolicy(sources, { https }) },
    body: Buffer.from(html, "utf8"),
  };
}
