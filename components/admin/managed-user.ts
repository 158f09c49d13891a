import type { UserRole } from "@/db/schema";

// What a row's action forms know about the user they act on (no secrets, nothing more).
export type ManagedUser = {
  id: number;
  displayName: string;
  email: string;
  role: UserRole;
  banned: boolean;
};
