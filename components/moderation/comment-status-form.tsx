"use client";

import { FormMessage } from "@/components/forms/form-message";
import type { CommentStatus } from "@/db/schema";
import type { ActionState } from "@/lib/actions/action-state";
import { CommandButton } from "./command-button";
import { commentsAwaitingDeletion } from "./delete-confirmation";
import { DeleteConfirmationForm } from "./delete-confirmation-form";
import { commandLabels, commandPendingLabels, commandsForStatus } from "./moderation-commands";
import type { ModerationView } from "./moderation-view";
import { ModerationViewFields } from "./moderation-view-fields";
import { RemovalNoteField } from "./removal-note-field";

// One comment's status buttons (Approve, Spam, Trash…), or the confirmation step of its deletion.
export function CommentStatusForm({
  commentId,
  status,
  view,
  state,
  action,
}: {
  commentId: number;
  status: CommentStatus;
  view: ModerationView;
  state: ActionState;
  action: (formData: FormData) => void;
}) {
  const awaiting = commentsAwaitingDeletion(state);
  if (awaiting && state.message) {
    return <DeleteConfirmationForm commentIds={[commentId]} message={state.message} view={view} action={action} />;
  }
  return (
    <form action={action} className="queue-status-form">
      <FormMessage state={state} />
      <input type="hidden" name="commentIds" value={commentId} />
      <ModerationViewFields view={view} />
      {status === "pending" || status === "approved" ? (
        <RemovalNoteField id={`note-${commentId}`} defaultValue={state.values?.note} errors={state.fieldErrors?.note} />
      ) : null}
      <div className="admin-inline-fields">
        {commandsForStatus[status].map((command) => (
          <CommandButton
            key={command}
            name="command"
            value={command}
            pendingText={commandPendingLabels[command]}
            className={command === "delete" ? "button button-small button-danger" : "button button-small"}
          >
            {commandLabels[command]}
          </CommandButton>
        ))}
      </div>
    </form>
  );
}
