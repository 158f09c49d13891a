"use client";

import { useActionState } from "react";
import { signOutAction } from "@/app/(auth)/sign-out-action";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/actions/action-state";

export function SignOutButton() {
  const [, formAction] = useActionState(signOutAction, idleState);
  return (
    <form action={formAction} className="inline-form">
      <SubmitButton className="link-button">Sign out</SubmitButton>
    </form>
  );
}
