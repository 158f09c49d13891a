import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import type { UserActionFormProps } from "./managed-user";

// The action's message ends with the link; it is also shown in a read-only field to copy.
const linkAtEnd = /: (https?:\/\/\S+)$/;

export function ResetLinkForm({
  user,
  state,
  action,
}: Omit<UserActionFormProps, "context">) {
  const link = state.status === "ok" ? linkAtEnd.exec(state.message ?? "")?.[1] : undefined;
  const linkId = `reset-link-${user.id}`;
  return (
    <form action={action} className="admin-action-form" noValidate>
      <FormMessage state={state} />
      {link ? (
        <div className="admin-field">
          <label htmlFor={linkId}>Reset link to copy</label>
          <input id={linkId} type="text" readOnly value={link} className="admin-copy-field" />
        </div>
      ) : null}
      <input type="hidden" name="userId" value={user.id} />
      <SubmitButton className="button button-small" pendingText="Making a link…">
        {link ? "Make a new reset link" : "Make reset link"}
      </SubmitButton>
    </form>
  );
}
