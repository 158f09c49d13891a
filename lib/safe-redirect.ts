const placeholderOrigin = "http://same-site.invalid";

// A same-site path to return to after signing in, or "/" for anything else: absolute URLs,
// protocol-relative "//host", backslash tricks and control characters never leave the site.
export function safeReturnPath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  try {
    const url = new URL(raw, placeholderOrigin);
    if (url.origin !== placeholderOrigin) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

export function loginPathFor(returnTo: string): string {
  return `/login?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`;
}
