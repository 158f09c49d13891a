"use client";

import { useActionState } from "react";
import { deleteMediaAction } from "@/app/(studio)/dashboard/media/actions";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/actions/action-state";

export function DeleteMediaForm({ mediaId, label }: { mediaId: string; label: string }) {
  const [state, formAction] = useActionState(deleteMediaAction, idleState);
  return (
    <form action={formAction} aria-label={label}>
      <input type="hidden" name="mediaId" value={mediaId} />
      <SubmitButton pendingText="Deleting…" className="button button-danger">
        Delete
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
