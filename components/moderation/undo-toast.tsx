"use client";

import { useActionState, useEffect, useState } from "react";
import { undoModerationAction } from "@/app/(studio)/moderation/undo-actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/actions/action-state";
import type { ModerationView } from "./moderation-view";
import { ModerationViewFields } from "./moderation-view-fields";

// The queue's keyboard handler presses this form's button for the `u` key.
export const UNDO_FORM_SELECTOR = "form[data-undo-form]";

// The outcome of the last status command, with a way to take it back. The server rendered it only
// while the command is less than a minute old; with JavaScript the button also goes away when the
// minute is up, and the server checks again when it is pressed. A plain form without JavaScript.
export function UndoToast({
  message,
  batchId,
  view,
  remainingMs,
}: {
  message: string;
  batchId: string;
  view: ModerationView;
  remainingMs: number;
}) {
  const [state, action] = useActionState(undoModerationAction, idleState);
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setExpired(true), Math.max(0, remainingMs));
    return () => window.clearTimeout(timer);
  }, [remainingMs]);
  return (
    <section className="undo-toast" aria-label="Last moderation action">
      <div aria-live="polite" role="status" className="admin-done">
        <p className="form-message form-message-ok">{message}</p>
      </div>
      {state.status === "error" && state.message ? (
        <p role="alert" className="form-message form-message-error">
          {state.message}
        </p>
      ) : null}
      {expired || state.status === "error" ? null : (
        <form action={action} data-undo-form="">
          <input type="hidden" name="batchId" value={batchId} />
          <ModerationViewFields view={view} />
          <SubmitButton className="button button-small" pendingText="Undoing…">
            Undo
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
