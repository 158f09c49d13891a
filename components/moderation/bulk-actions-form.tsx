"use client";

import { useActionState } from "react";
import { moderateCommentsAction } from "@/app/(studio)/moderation/actions";
import { describedFieldProps, FieldMessages } from "@/components/forms/field-messages";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/actions/action-state";
import { commentsAwaitingDeletion } from "./delete-confirmation";
import { DeleteConfirmationForm } from "./delete-confirmation-form";
import { commandLabels, commandsForStatus } from "./moderation-commands";
import { BULK_FORM_ID, type ModerationView } from "./moderation-view";
import { ModerationViewFields } from "./moderation-view-fields";
import { RemovalNoteField } from "./removal-note-field";

export function BulkActionsForm({ view }: { view: ModerationView }) {
  const [state, action] = useActionState(moderateCommentsAction, idleState);
  const awaiting = commentsAwaitingDeletion(state);
  const commandErrors = state.fieldErrors?.command;
  const command = state.values?.command ?? "";
  return (
    <div className="queue-bulk">
      {awaiting && state.message ? (
        <DeleteConfirmationForm commentIds={awaiting} message={state.message} view={view} action={action} />
      ) : (
        <FormMessage state={state} />
      )}
      <form id={BULK_FORM_ID} action={action} noValidate>
        <ModerationViewFields view={view} />
        <div className="admin-inline-fields">
          <label htmlFor="bulk-command">With the selected comments</label>
          {/* Keyed by its default, so the form reset after an action keeps the choice. */}
          <select
            key={command}
            id="bulk-command"
            name="command"
            defaultValue={command}
            {...describedFieldProps("bulk-command", { errors: commandErrors })}
          >
            <option value="">Choose an action…</option>
            {commandsForStatus[view.status].map((option) => (
              <option key={option} value={option}>
                {commandLabels[option]}
              </option>
            ))}
          </select>
          <SubmitButton className="button button-small" pendingText="Applying…">
            Apply
          </SubmitButton>
        </div>
        <FieldMessages id="bulk-command" errors={commandErrors} />
        {view.status === "pending" || view.status === "approved" ? (
          <RemovalNoteField id="bulk-note" defaultValue={state.values?.note} errors={state.fieldErrors?.note} />
        ) : null}
      </form>
    </div>
  );
}
