"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/app/(account)/account/actions";
import { FormField } from "@/components/forms/form-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/actions/action-state";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";

export function PasswordForm() {
  const [state, formAction] = useActionState(changePasswordAction, idleState);
  return (
    <form action={formAction} className="stacked-form" noValidate>
      <FormMessage state={state} />
      <FormField name="currentPassword" label="Current password" type="password" autoComplete="current-password" required errors={state.fieldErrors?.currentPassword} />
      <FormField name="newPassword" label="New password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} errors={state.fieldErrors?.newPassword} hint={`At least ${MIN_PASSWORD_LENGTH} characters. Changing it signs you out everywhere else.`} />
      <SubmitButton pendingText="Changing…">Change password</SubmitButton>
    </form>
  );
}
