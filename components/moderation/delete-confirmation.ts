import type { ActionState } from "@/lib/actions/action-state";

// Deleting for good takes two posts, so it works without JavaScript: the first returns this state
// (the comments to delete, carried in `values`), the page shows "Yes, delete permanently", and
// only a post with confirm=yes deletes.
export function askToConfirmDelete(commentIds: readonly number[]): ActionState {
  return {
    status: "ok",
    message:
      commentIds.length === 1
        ? "Delete this comment permanently? This cannot be undone."
        : `Delete these ${commentIds.length} comments permanently? This cannot be undone.`,
    values: { confirm: "delete", commentIds: commentIds.join(",") },
  };
}

// The comments a state asks to confirm deleting, or null when it asks nothing.
export function commentsAwaitingDeletion(state: ActionState): number[] | null {
  if (state.status !== "ok" || state.values?.confirm !== "delete") return null;
  const ids = (state.values.commentIds ?? "")
    .split(",")
    .filter((part) => /^[1-9][0-9]{0,15}$/.test(part))
    .map(Number);
  return ids.length > 0 ? ids : null;
}
