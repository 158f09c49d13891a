import type { IncomingMessage, ServerResponse } from "node:http";
import { newNonce, noncePolicy } from "./content-security-policy";

const permissionsPolicy = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "interest-cohort=()",
  "magnetometer=()",
  "microphone=()",
  "payment=()",
  "usb=()",
].join(", ");

const twoYears = 2 * 365 * 24 * 60 * 60;

// Headers on every response the server sends: pages (rendered or from the page cache), route
// handlers, static files, redirects and errors. Called first for each request, so whatever
// answers later inherits them (a cached page replaces only the policy, see page-cache-store).
// The request gets the same policy, with a fresh nonce, for Next to read.
export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, { https }: { https: boolean }): void {
  const policy = noncePolicy(newNonce(), { https });
  req.headers["content-security-policy"] = policy;
  delete req.headers["content-security-policy-report-only"];
  res.setHeader("Content-Security-Policy", policy);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("Permissions-Policy", permissionsPolicy);
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (https) res.setHeader("Strict-Transport-Security", `max-age=${twoYears}; includeSubDomains`);
}
