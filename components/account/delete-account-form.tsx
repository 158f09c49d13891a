"use client";

import { useActionState } from "react";
import { deleteOwnAccountAction } from "@/app/(account)/account/actions";
import { FormField } from "@/components/forms/form-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/actions/action-state";

export function DeleteAccountForm() {
  const [state, formAction] = useActionState(deleteOwnAccountAction, idleState);
  const comments = state.values?.comments ?? "keep";
  return (
    <form action={formAction} className="stacked-form" noValidate>
      <FormMessage state={state} />
      <fieldset>
        <legend>Your comments</legend>
        <label>
          <input type="radio" name="comments" value="keep" defaultChecked={comments === "keep"} /> Keep them, shown as “Deleted user”
        </label>
        <label>
          <input type="radio" name="comments" value="remove" defaultChecked={comments === "remove"} /> Remove them
        </label>
      </fieldset>
      <FormField name="password" label="Password" type="password" autoComplete="current-password" required errors={state.fieldErrors?.password} hint="This cannot be undone." />
      <SubmitButton className="button button-danger" pendingText="Deleting…">
        Delete my account
      </SubmitButton>
    </form>
  );
}
