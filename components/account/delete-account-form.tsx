"use client";

import { useActionState } from "react";
import { deleteOwnAccountAction } from "@/app/(account)/account/actions";
import { DeletedCommentsChoice } from "@/components/forms/deleted-comments-choice";
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
      <DeletedCommentsChoice legend="Your comments" selected={comments} />
      <FormField name="password" label="Password" type="password" autoComplete="current-password" required errors={state.fieldErrors?.password} hint="This cannot be undone." />
      <SubmitButton className="button button-danger" pendingText="Deleting…">
        Delete my account
      </SubmitButton>
    </form>
  );
}
