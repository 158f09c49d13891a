"use client";

import { useActionState } from "react";
import { createFirstAdminAction } from "@/app/(auth)/setup/actions";
import { FormField } from "@/components/forms/form-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/actions/action-state";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";

export function SetupForm({ token }: { token: string }) {
  const [state, formAction] = useActionState(createFirstAdminAction, idleState);
  return (
    <form action={formAction} className="stacked-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <FormField name="displayName" label="Display name" required maxLength={60} defaultValue={state.values?.displayName} errors={state.fieldErrors?.displayName} />
      <FormField name="email" label="Email" type="email" autoComplete="email" required defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <FormField name="password" label="Password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} errors={state.fieldErrors?.password} hint={`At least ${MIN_PASSWORD_LENGTH} characters; avoid common passwords.`} />
      <SubmitButton pendingText="Creating the admin…">Create admin account</SubmitButton>
    </form>
  );
}
