import { logger } from "./logger";

// A path without its query string: queries can carry one-time tokens (password-reset links).
export function pathOnly(url: string | undefined): string {
  if (!url) return "";
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

// Every unexpected failure ends up here, with its stack, in the log only: what the visitor sees
// is a plain error page. Request details are limited to method and path (never headers, which
// carry the session cookie, nor the query).
export function logUnhandledError(
  source: "server" | "next" | "action" | "auth",
  error: unknown,
  request?: { method?: string | undefined; url?: string | undefined; [detail: string]: unknown },
): void {
  const { method, url, ...details } = request ?? {};
  logger.error(
    { event: "error", source, err: error, ...(request ? { method, path: pathOnly(url) } : {}), ...details },
    error instanceof Error ? error.message : "Unhandled error",
  );
}
