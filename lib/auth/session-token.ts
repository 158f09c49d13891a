import crypto from "node:crypto";
import { jwtDecrypt } from "jose";
import { currentTime } from "../clock";
import { SESSION_COOKIE_NAMES } from "../session-cookie";

// Reads the Auth.js session cookie outside Next (the comment-posting endpoint in the custom
// server), the way Auth.js's own `decode` does — JWE "dir" + A256CBC-HS512 (or A256GCM), key
// derived from the secret with HKDF-SHA256 and salted with the cookie name — but with the key
// derived once per process instead of on every request, and without re-issuing the cookie.

export type SessionClaims = { userId: number; sessionVersion: number | undefined };

const keys = new Map<string, Uint8Array>();

// Tokens already decrypted, with their expiry: a signed-in reader sends the same cookie with every
// request, and the decryption (jose, through WebCrypto) is most of the cost of reading it. A token
// cannot change, so its claims stay true until it expires; whether its session is still current
// is decided by the database on every request (./session-user.ts).
const CLOCK_TOLERANCE_SECONDS = 15;
const MAX_REMEMBERED_TOKENS = 2000;
const decrypted = new Map<string, { claims: SessionClaims; expiresAtMs: number }>();

function derivedKey(secret: string, salt: string, length: 64 | 32): Uint8Array {
  const id = `${length}:${salt}`;
  let key = keys.get(id);
  if (!key) {
    // Auth.js: hkdf("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, length).
    key = new Uint8Array(crypto.hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, length));
    keys.set(id, key);
  }
  return key;
}

// The cookie's value, joined from Auth.js's chunks (name.0, name.1, …) when it was split.
export function sessionCookieValue(cookieHeader: string | undefined, name: string): string | null {
  if (!cookieHeader) return null;
  let whole: string | null = null;
  const chunks: [number, string][] = [];
  for (const pair of cookieHeader.split(";")) {
    const equals = pair.indexOf("=");
    if (equals < 0) continue;
    const key = pair.slice(0, equals).trim();
    if (key === name) whole = pair.slice(equals + 1).trim();
    else if (key.startsWith(`${name}.`)) {
      const index = Number(key.slice(name.length + 1));
      if (Number.isSafeInteger(index) && index >= 0) chunks.push([index, pair.slice(equals + 1).trim()]);
    }
  }
  if (whole !== null) return whole;
  if (chunks.length === 0) return null;
  return chunks
    .sort((a, b) => a[0] - b[0])
    .map(([, value]) => value)
    .join("");
}

// The user id and session version in a valid, unexpired session cookie; null for a missing,
// tampered, expired or foreign cookie (the visitor is simply signed out, as with Auth.js).
export async function readSessionClaims(
  cookieHeader: string | undefined,
  { secret, secureCookies }: { secret: string; secureCookies: boolean },
): Promise<SessionClaims | null> {
  const name = secureCookies ? SESSION_COOKIE_NAMES[1] : SESSION_COOKIE_NAMES[0];
  const token = sessionCookieValue(cookieHeader, name);
  if (!token) return null;
  const cacheKey = `${name}\n${token}`;
  const remembered = decrypted.get(cacheKey);
  if (remembered) {
    if (currentTime().getTime() < remembered.expiresAtMs) return remembered.claims;
    decrypted.delete(cacheKey);
    return null;
  }
  try {
    const { payload } = await jwtDecrypt(
      token,
      (header) => derivedKey(secret, name, header.enc === "A256GCM" ? 32 : 64),
      {
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: currentTime(),
        keyManagementAlgorithms: ["dir"],
        contentEncryptionAlgorithms: ["A256CBC-HS512", "A256GCM"],
      },
    );
    const userId = Number(payload.sub);
    if (!Number.isSafeInteger(userId) || userId <= 0 || typeof payload.exp !== "number") return null;
    const claims = { userId, sessionVersion: typeof payload.sv === "number" ? payload.sv : undefined };
    if (decrypted.size >= MAX_REMEMBERED_TOKENS) decrypted.clear();
    decrypted.set(cacheKey, { claims, expiresAtMs: (payload.exp + CLOCK_TOLERANCE_SECONDS) * 1000 });
    return claims;
  } catch {
    return null;
  }
}
