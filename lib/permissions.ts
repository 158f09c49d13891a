import type { SessionUser } from "../db/queries/auth-users";
import type { UserRole } from "../db/schema";

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
// asks here (through lib/authz.ts) on the server.
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
