import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { SessionUser } from "@/db/queries/auth-users";
import type { UserRole } from "@/db/schema";
import { auth } from "./auth/auth";
import { userForSession } from "./auth/session-user";
import { hasRole } from "./permissions";
import { loginPathFor } from "./safe-redirect";

// The one entry point for authorization: pages, server actions and route handlers use these;
// the permission table itself is in ./permissions (pure, so it is unit-tested without Next).
export { can, hasRole, roleRank, type Action } from "./permissions";

// The signed-in user, read from the database on every request: a ban, a role change or a new
// session version (sign-out elsewhere, password change) takes effect on the very next request.
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return userForSession({ userId: Number(session.user.id), sessionVersion: session.sessionVersion });
});

// Outside Next (the comment-posting endpoint in lib/server/) the same check runs on the cookie:
// lib/auth/session-user.ts `userFromSessionCookie`.

// Page guard: anonymous visitors go to sign-in and come back; banned users and users without
// the role see the 403 page.
export async function requireUser({
  returnTo,
  allowBanned = false,
}: {
  returnTo: string;
  allowBanned?: boolean;
}): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(loginPathFor(returnTo));
  if (user.ban && !allowBanned) redirect("/forbidden");
  return user;
}

export async function requireRole(role: UserRole, { returnTo }: { returnTo: string }): Promise<SessionUser> {
  const user = await requireUser({ returnTo });
  if (!hasRole(user, role)) redirect("/forbidden");
  return user;
}
