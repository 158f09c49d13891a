"use client";

import { useActionState } from "react";
import { editCommentAction } from "@/app/(site)/comments/[id]/edit/actions";
import { FormField } from "@/components/forms/form-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/actions/action-state";
import { COMMENT_MAX_LENGTH } from "@/lib/comments/comment-limits";

export function EditCommentForm({ commentId, body }: { commentId: number; body: string }) {
  const [state, formAction] = useActionState(editCommentAction, idleState);
  return (
    <form action={formAction} className="stacked-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="commentId" value={commentId} />
      <FormField
        name="body"
        label="Comment"
        multiline
        rows={8}
        required
        maxLength={COMMENT_MAX_LENGTH}
        defaultValue={state.values?.body ?? body}
        errors={state.fieldErrors?.body}
        hint="An edited comment is checked by the moderation rules again and may be held for review."
      />
      <SubmitButton pendingText="Saving…">Save Comment</SubmitButton>
    </form>
  );
}
