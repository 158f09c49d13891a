import { getSessionUserById, type SessionUser } from "../../db/queries/auth-users";
import { getConfig } from "../config";
import { getAuthSecret } from "./auth-secret";
import { readSessionClaims } from "./session-token";

// The session check shared by lib/authz.ts (inside Next, claims from Auth.js's `auth()`) and the
// comment-posting endpoint in the custom server (claims read straight from the cookie): the user is
// read from the database on every request, and a stale session version (sign-out everywhere,
// password change) means signed out.
export async function userForSession(claims: { userId: number; sessionVersion: number | undefined } | null): Promise<SessionUser | null> {
  if (!claims || !Number.isSafeInteger(claims.userId) || claims.userId <= 0) return null;
  const user = await getSessionUserById({ id: claims.userId });
  if (!user || user.sessionVersion !== claims.sessionVersion) return null;
  return user;
}

export async function userFromSessionCookie(cookieHeader: string | undefined): Promise<SessionUser | null> {
  const claims = await readSessionClaims(cookieHeader, {
    secret: getAuthSecret(),
    secureCookies: getConfig().siteUrl.startsWith("https://"),
  });
  return userForSession(claims);
}
