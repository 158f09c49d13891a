import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import type { UserActionFormProps } from "./managed-user";
import { UserListContextFields } from "./user-list-context-fields";

const durations = [
  ["1-day", "1 day"],
  ["7-days", "7 days"],
  ["30-days", "30 days"],
  ["permanent", "Permanently"],
] as const;

export function BanForm({
  user,
  context,
  state,
  action,
}: UserActionFormProps) {
  const reasonId = `ban-reason-${user.id}`;
  const reasonErrorId = `${reasonId}-error`;
  const durationId = `ban-duration-${user.id}`;
  const reasonErrors = state.fieldErrors?.reason;
  const duration = state.values?.duration ?? "7-days";
  return (
    <form action={action} className="admin-action-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={user.id} />
      <UserListContextFields context={context} />
      <div className="admin-field">
        <label htmlFor={reasonId}>{user.banned ? "New ban reason (optional)" : "Ban reason (optional)"}</label>
        <input
          id={reasonId}
          name="reason"
          type="text"
          maxLength={500}
          defaultValue={state.values?.reason}
          aria-invalid={reasonErrors?.length ? true : undefined}
          aria-describedby={reasonErrors?.length ? reasonErrorId : undefined}
        />
        {reasonErrors?.length ? (
          <p className="form-error" id={reasonErrorId}>
            {reasonErrors.join(" ")}
          </p>
        ) : null}
      </div>
      <div className="admin-inline-fields">
        <label htmlFor={durationId}>Ban for</label>
        {/* Keyed by its default, so the form reset after an action keeps the choice. */}
        <select key={duration} id={durationId} name="duration" defaultValue={duration}>
          {durations.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <SubmitButton className="button button-small button-danger" pendingText="Banning…">
          {user.banned ? "Replace ban" : "Ban"}
        </SubmitButton>
      </div>
    </form>
  );
}
