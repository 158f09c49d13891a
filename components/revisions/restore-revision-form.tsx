"use client";

import { useActionState } from "react";
import { restoreRevisionAction } from "@/app/(studio)/dashboard/articles/[id]/revisions/actions";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/actions/action-state";

export function RestoreRevisionForm({ articleId, revisionId, label }: { articleId: number; revisionId: number; label: string }) {
  const [state, formAction] = useActionState(restoreRevisionAction, idleState);
  return (
    <form action={formAction} className="restore-revision-form" aria-label={label}>
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <SubmitButton pendingText="Restoring…" className="button button-secondary">
        Restore this revision
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
