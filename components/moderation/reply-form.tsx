"use client";

import { describedFieldProps, FieldMessages } from "@/components/forms/field-messages";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import type { ActionState } from "@/lib/actions/action-state";
import { COMMENT_MAX_LENGTH } from "@/lib/comments/comment-rules";
import type { ModerationView } from "./moderation-view";
import { ModerationViewFields } from "./moderation-view-fields";

// A moderator's reply, published at once under the comment (and approving it if it was pending).
export function ReplyForm({
  commentId,
  articleId,
  view,
  state,
  action,
}: {
  commentId: number;
  articleId: number;
  view: ModerationView;
  state: ActionState;
  action: (formData: FormData) => void;
}) {
  const fieldId = `reply-${commentId}`;
  const errors = state.fieldErrors?.body;
  return (
    <form action={action} className="admin-action-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="articleId" value={articleId} />
      <ModerationViewFields view={view} />
      <div className="admin-field">
        <label htmlFor={fieldId}>Your reply</label>
        <textarea
          id={fieldId}
          name="body"
          rows={4}
          required
          maxLength={COMMENT_MAX_LENGTH}
          defaultValue={state.values?.body}
          {...describedFieldProps(fieldId, { errors })}
        />
        <FieldMessages id={fieldId} errors={errors} />
      </div>
      <SubmitButton className="button button-small" pendingText="Publishing…">
        Publish reply
      </SubmitButton>
    </form>
  );
}
