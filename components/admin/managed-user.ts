import type { UserRole } from "@/db/schema";
import type { ActionState } from "@/lib/actions/action-state";
import type { UserListContext } from "./user-list-href";

// What a row's action forms know about the user they act on (no secrets, nothing more).
export type ManagedUser = {
  id: number;
  displayName: string;
  email: string;
  role: UserRole;
  banned: boolean;
};

// The props every per-row action form takes: the user, the list to return to, and its action.
export type UserActionFormProps = {
  user: ManagedUser;
  context: UserListContext;
  state: ActionState;
  action: (formData: FormData) => void;
};
