import type { ModerationView } from "./moderation-view";

// Hidden fields that bring an action's redirect back to the tab and page it was sent from.
export function ModerationViewFields({ view }: { view: ModerationView }) {
  return (
    <>
      <input type="hidden" name="status" value={view.status} />
      {view.page > 1 ? <input type="hidden" name="page" value={view.page} /> : null}
    </>
  );
}
