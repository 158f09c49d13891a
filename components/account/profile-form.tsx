"use client";

import { useActionState } from "react";
import { updateProfileAction } from "@/app/(account)/account/actions";
import { FormField } from "@/components/forms/form-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/actions/action-state";

export function ProfileForm({ displayName, bio }: { displayName: string; bio: string }) {
  const [state, formAction] = useActionState(updateProfileAction, idleState);
  return (
    <form action={formAction} className="stacked-form" noValidate>
      <FormMessage state={state} />
      <FormField name="displayName" label="Display name" required maxLength={60} defaultValue={state.values?.displayName ?? displayName} errors={state.fieldErrors?.displayName} />
      <FormField name="bio" label="Bio" multiline maxLength={2000} defaultValue={state.values?.bio ?? bio} errors={state.fieldErrors?.bio} hint="Authors: shown in the “About” box under your articles." />
      <SubmitButton pendingText="Saving…">Save profile</SubmitButton>
    </form>
  );
}
