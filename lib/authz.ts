import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getSessionUserById, type SessionUser } from "@/db/queries/auth-users";
import type { UserRole } from "@/db/schema";
import { auth } from "./auth/auth";
import { loginPathFor } from "./safe-redirect";

// Roles form a ladder: each includes everything below it. A moderator can also write (as an
// editor can in WordPress); an admin can do everything.
export const roleRank: Record<UserRole, number> = { reader: 0, author: 1, moderator: 2, admin: 3 };

export function hasRole(user: Pick<SessionUser, "role">, role: UserRole): boolean {
  return roleRank[user.role] >= roleRank[role];
}

export type Action =
  | "comment:post"
  | "comment:moderate"
  | "article:write"
  | "article:edit"
  | "user:manage"
  | "settings:manage";

type Resource = { authorId?: number };

// The permission table. Hidden buttons are not protection: every page, action and route handler
// asks here (through the helpers below) on the server.
export function can(user: SessionUser | null, action: Action, resource: Resource = {}): boolean {
  if (!user || user.ban) return false;
  switch (action) {
    case "comment:post":
      return true;
    case "article:write":
      return hasRole(user, "author");
    case "article:edit":
      return hasRole(user, "admin") || (hasRole(user, "author") && resource.authorId === user.id);
    case "comment:moderate":
      return hasRole(user, "moderator");
    case "user:manage":
    case "settings:manage":
      return hasRole(user, "admin");
  }
}

// The signed-in user, read from the database on every request: a ban, a role change or a new
// session version (sign-out elsewhere, password change) takes effect on the very next request.
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const user = await getSessionUserById({ id });
  if (!user || user.sessionVersion !== session?.sessionVersion) return null;
  return user;
});

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
