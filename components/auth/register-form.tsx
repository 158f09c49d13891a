"use client";

import Link from "next/link";
import { useActionState } from "react";
import { registerAction } from "@/app/(auth)/register/actions";
import { FormField } from "@/components/forms/form-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/actions/action-state";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";

export function RegisterForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction] = useActionState(registerAction, idleState);
  return (
    <form action={formAction} className="stacked-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormField name="displayName" label="Display name" autoComplete="nickname" required maxLength={60} defaultValue={state.values?.displayName} errors={state.fieldErrors?.displayName} hint="Shown with your comments." />
      <FormField name="email" label="Email" type="email" autoComplete="email" required defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <FormField name="password" label="Password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} errors={state.fieldErrors?.password} hint={`At least ${MIN_PASSWORD_LENGTH} characters; avoid common passwords.`} />
      <SubmitButton pendingText="Creating your account…">Register</SubmitButton>
      <p className="form-aside">
        Already registered? <Link href={`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</Link>
      </p>
    </form>
  );
}
