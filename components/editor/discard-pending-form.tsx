"use client";

import { useActionState } from "react";
import { discardPendingChangesAction } from "@/app/(studio)/dashboard/articles/actions";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/actions/action-state";

// The notice above the editor of a published article with autosaved, unpublished changes: the
// editor shows those changes; Update publishes them, this button throws them away.
export function PendingChangesNotice({ articleId, savedAtText, savedByName }: { articleId: number; savedAtText: string; savedByName: string | null }) {
  const [state, formAction] = useActionState(discardPendingChangesAction, idleState);
  return (
    <form action={formAction} className="editor-pending-notice">
      <p>
        You have unpublished changes from {savedAtText}
        {savedByName ? ` (saved by ${savedByName})` : ""}. The editor below shows them; readers still see the published
        version until you press Update.
      </p>
      <FormMessage state={state} />
      <input type="hidden" name="articleId" value={articleId} />
      <SubmitButton pendingText="Discarding…" className="link-button">
        Discard these changes
      </SubmitButton>
    </form>
  );
}
