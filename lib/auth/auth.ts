import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { clientIpFrom } from "../client-ip";
import { getConfig } from "../config";
import { logUnhandledError } from "../error-log";
import { logger } from "../logger";
import { getAuthSecret } from "./auth-secret";
import { checkCredentials } from "./credentials";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sv?: number;
  }
}

export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

const credentialsSchema = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1000),
});

const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

// Auth.js v5 (pinned beta): it fits the app router (server-side signIn/signOut from server
// actions, `auth()` in server components). Sessions are JWTs holding only the user id and the
// session version; everything else — role, ban, whether the version is still current — is read
// from the database on every protected request (lib/authz.ts). The config is built lazily so
// `next build` neither reads nor creates the secret.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: getAuthSecret(),
  trustHost: true,
  useSecureCookies: getConfig().siteUrl.startsWith("https://"),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  // A wrong password or an unreadable session cookie (tampered, or signed with an old secret) is
  // an expected outcome: the visitor is simply signed out. Only real failures are logged, so a
  // client cannot fill the log with stack traces.
  logger: {
    error(error: Error) {
      // Auth.js errors carry their kind in `type` (class names are minified in the build).
      const type = "type" in error ? String(error.type) : error.name;
      if (["CredentialsSignin", "JWTSessionError"].includes(type)) return;
      // A post to /api/auth without its CSRF token is a forged or hand-made request, refused as it
      // should be: a warning, not a server error.
      if (type === "MissingCSRF") {
        logger.warn({ event: "auth-refused", type }, "Auth.js refused a request without its CSRF token");
        return;
      }
      logUnhandledError("auth", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const result = await checkCredentials({ ...parsed.data, ip: clientIpFrom(request.headers) });
        if (result.ok) return { id: String(result.userId), sessionVersion: result.sessionVersion };
        if (result.reason === "throttled") throw new ThrottledSignIn();
        throw new CredentialsSignin();
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = token.sv;
      return session;
    },
  },
}));
