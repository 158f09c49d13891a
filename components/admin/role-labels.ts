import type { UserRole } from "@/db/schema";

// Every role, in ladder order, with its label (type-only import: safe in client components).
export const roleLabels: Record<UserRole, string> = {
  reader: "Reader",
  author: "Author",
  moderator: "Moderator",
  admin: "Admin",
};

export const roleOptions = Object.entries(roleLabels) as [UserRole, string][];
