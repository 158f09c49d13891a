"use client";

import { useActionState } from "react";
import { resetPasswordAction } from "@/app/(auth)/reset-password/actions";
import { FormField } from "@/components/forms/form-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/actions/action-state";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction] = useActionState(resetPasswordAction, idleState);
  return (
    <form action={formAction} className="stacked-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <FormField name="password" label="New password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} errors={state.fieldErrors?.password} hint={`At least ${MIN_PASSWORD_LENGTH} characters; avoid common passwords.`} />
      <SubmitButton pendingText="Saving…">Set new password</SubmitButton>
    </form>
  );
}
