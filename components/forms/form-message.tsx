import type { ActionState } from "@/lib/actions/action-state";

// The form-level outcome, announced to screen readers when it changes.
export function FormMessage({ state }: { state: ActionState }) {
  const tone = state.status === "ok" ? "form-message-ok" : "form-message-error";
  return (
    <div aria-live="polite" role="status" className="form-message-region">
      {state.message ? <p className={`form-message ${tone}`}>{state.message}</p> : null}
    </div>
  );
}
