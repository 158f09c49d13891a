import { BanFields } from "@/components/forms/ban-fields";
import { FormMessage } from "@/components/forms/form-message";
import type { UserActionFormProps } from "./managed-user";
import { UserListContextFields } from "./user-list-context-fields";

export function BanForm({
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
      <BanFields
        fieldKey={user.id}
        reasonLabel={user.banned ? "New ban reason (optional)" : "Ban reason (optional)"}
        defaultDuration="7-days"
        submitText={user.banned ? "Replace ban" : "Ban"}
        state={state}
      />
    </form>
  );
}
