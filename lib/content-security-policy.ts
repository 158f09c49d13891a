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
// in the body (which escaping should already prevent) stays blocked on the cached copy too.
export function hashNoncedScripts(html: string, nonce: string): { html: string; sources: string[] } {
  const sources = new Set<string>();
  const nonceAttribute = ` nonce="${nonce}"`;
  const stripped = html.replace(inlineScript, (element, attributes: string, text: string) => {
    if (!attributes.includes(nonceAttribute)) return element;
    if (/\bsrc\s*=/i.test(attributes)) return element.replace(nonceAttribute, "");
    if (text.length > 0) sources.add(hashSource(text));
    return element.replace(nonceAttribute, "");
  });
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
