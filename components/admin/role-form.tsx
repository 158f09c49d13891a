import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import type { UserActionFormProps } from "./managed-user";
import { roleOptions } from "./role-labels";
import { UserListContextFields } from "./user-list-context-fields";

export function RoleForm({
  user,
  context,
  state,
  action,
}: UserActionFormProps) {
  const fieldId = `role-${user.id}`;
  const role = state.values?.role ?? user.role;
  return (
    <form action={action} className="admin-action-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={user.id} />
      <UserListContextFields context={context} />
      <div className="admin-inline-fields">
        <label htmlFor={fieldId}>Role</label>
        {/* Keyed by its default: React resets the form after an action, and a select only
            resets to the default it was created with. */}
        <select key={role} id={fieldId} name="role" defaultValue={role}>
          {roleOptions.map(([role, label]) => (
            <option key={role} value={role}>
              {label}
            </option>
          ))}
        </select>
        <SubmitButton className="button button-small" pendingText="Changing…">
          Change role
        </SubmitButton>
      </div>
    </form>
  );
}
