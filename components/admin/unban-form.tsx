import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import type { UserActionFormProps } from "./managed-user";
import { UserListContextFields } from "./user-list-context-fields";

export function UnbanForm({
  user,
  context,
  state,
  action,
}: UserActionFormProps) {
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
