// Cookies that mark a signed-in visitor. Their presence alone sends a request past the shared page
// cache; whether the session is valid is decided later, on the server, by the auth layer.
export const SESSION_COOKIE_NAMES = [
  "authjs.session-token",
  "__Secure-authjs.session-token",
  "next-auth.session-token",
  "__Secure-next-auth.session-token",
] as const;

export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((pair) => {
    const name = pair.slice(0, pair.indexOf("=") >>> 0).trim();
    // Auth.js splits large tokens into name.0, name.1, ...
    return SESSION_COOKIE_NAMES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`));
  });
}
