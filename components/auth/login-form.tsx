"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signInAction } from "@/app/(auth)/login/actions";
import { FormField } from "@/components/forms/form-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/actions/action-state";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction] = useActionState(signInAction, idleState);
  return (
    <form action={formAction} className="stacked-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormField name="email" label="Email" type="email" autoComplete="email" required defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <FormField name="password" label="Password" type="password" autoComplete="current-password" required errors={state.fieldErrors?.password} />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
      <p className="form-aside">
        No account yet? <Link href={`/register?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Register</Link>
      </p>
    </form>
  );
}
