"use client";

import { CommandButton } from "./command-button";
import type { ModerationView } from "./moderation-view";
import { ModerationViewFields } from "./moderation-view-fields";

// The second step of a permanent deletion: the question, then "Yes" (deletes) or "Cancel" (back
// to the plain form). Both are posts, so the step works the same with JavaScript off.
export function DeleteConfirmationForm({
  commentIds,
  message,
  view,
  action,
}: {
  commentIds: readonly number[];
  message: string;
  view: ModerationView;
  action: (formData: FormData) => void;
}) {
  return (
    <form action={action} className="queue-confirm">
      <p role="alert" className="form-message form-message-error">
        {message}
      </p>
      {commentIds.map((id) => (
        <input key={id} type="hidden" name="commentIds" value={id} />
      ))}
      <input type="hidden" name="command" value="delete" />
      <ModerationViewFields view={view} />
      <div className="admin-inline-fields">
        <CommandButton name="confirm" value="yes" className="button button-small button-danger" pendingText="Deleting…">
          {commentIds.length === 1 ? "Yes, delete permanently" : `Yes, delete ${commentIds.length} comments permanently`}
        </CommandButton>
        <CommandButton name="confirm" value="no" className="link-button" pendingText="Cancelling…">
          Cancel
        </CommandButton>
      </div>
    </form>
  );
}
