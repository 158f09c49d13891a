// Type-only imports: client forms use this module too, and the data layer must stay on the server.
import type { ModerationCommand } from "@/db/queries/comment-moderation";
import type { CommentStatus } from "@/db/schema";

export const commandLabels: Record<ModerationCommand, string> = {
  approve: "Approve",
  unapprove: "Unapprove",
  spam: "Spam",
  "not-spam": "Not spam",
  trash: "Trash",
  restore: "Restore",
  delete: "Delete permanently",
};

export const commandPendingLabels: Record<ModerationCommand, string> = {
  approve: "Approving…",
  unapprove: "Unapproving…",
  spam: "Marking as spam…",
  "not-spam": "Restoring…",
  trash: "Trashing…",
  restore: "Restoring…",
  delete: "Deleting…",
};

export function isModerationCommand(value: string | undefined): value is ModerationCommand {
  return value !== undefined && Object.hasOwn(commandLabels, value);
}

// What can be done to comments with each status (WordPress's set): the per-row buttons and the
// bulk menu of that tab.
export const commandsForStatus: Record<CommentStatus, readonly ModerationCommand[]> = {
  pending: ["approve", "spam", "trash"],
  approved: ["unapprove", "spam", "trash"],
  spam: ["not-spam", "delete"],
  trash: ["restore", "delete"],
};

const commandOutcomes: Record<ModerationCommand, string> = {
  approve: "approved",
  unapprove: "unapproved and back in Pending",
  spam: "marked as spam",
  "not-spam": "no longer marked as spam",
  trash: "moved to the Trash",
  restore: "restored from the Trash",
  delete: "permanently deleted",
};

function comments(count: number): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? "comment" : "comments"}`;
}

// The message after a command, e.g. "2 comments approved. 1 was skipped: …".
export function commandDoneMessage(command: ModerationCommand, changed: number, skipped: number): string {
  const done = `${comments(changed)} ${commandOutcomes[command]}.`;
  if (skipped === 0) return done;
  return `${done} ${skipped === 1 ? "1 was" : `${skipped.toLocaleString("en-US")} were`} skipped: already moderated, or the action does not apply.`;
}

// The one-line outcome shown after an action's redirect (?done=&count=&skipped=), or undefined
// for anything else found in the URL.
export function doneMessageFor(params: { done?: string; count?: string; skipped?: string }): string | undefined {
  if (params.done === "reply") return "Reply published.";
  if (params.done === "ban") return "Author banned.";
  if (params.done === "undo") {
    const restored = Number(params.count);
    return Number.isSafeInteger(restored) && restored > 0 ? `Undone: ${comments(restored)} put back as ${restored === 1 ? "it was" : "they were"}.` : undefined;
  }
  const command = isModerationCommand(params.done) ? params.done : undefined;
  const count = Number(params.count);
  if (!command || !Number.isSafeInteger(count) || count < 1) return undefined;
  const skipped = Number(params.skipped ?? 0);
  return commandDoneMessage(command, count, Number.isSafeInteger(skipped) && skipped > 0 ? skipped : 0);
}
