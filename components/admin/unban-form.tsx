import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import type { ActionState } from "@/lib/actions/action-state";
import type { ManagedUser } from "./managed-user";
import { UserListContextFields } from "./user-list-context-fields";
import type { UserListContext } from "./user-list-href";

export function UnbanForm({
  user,
  context,
  state,
  action,
}: {
  user: ManagedUser;
  context: UserListContext;
  state: ActionState;
  action: (formData: FormData) => void;
}) {
  return (
    <form action={action} className="admin-action-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={user.id} />
      <UserListContextFields context={context} />
      <SubmitButton className="button button-small" pendingText="Unbanning…">
        Unban
      </SubmitButton>
    </form>
  );
}
