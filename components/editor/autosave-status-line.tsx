"use client";

import type { AutosaveStatus } from "./use-autosave";

function clockTime(date: Date): string {
  return date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
}

// "Saved at 10:42", "Saving…" or "Not saved: <reason>", announced politely.
export function AutosaveStatusLine({ status }: { status: AutosaveStatus }) {
  let text: string;
  switch (status.kind) {
    case "idle":
      text = "Changes are saved automatically as you type.";
      break;
    case "saving":
      text = "Saving…";
      break;
    case "saved":
      text =
        status.mode === "pending"
          ? `Saved at ${clockTime(status.at)} as unpublished changes. Readers see them after you press Update.`
          : `Saved at ${clockTime(status.at)}`;
      break;
    case "failed":
      text = `Not saved: ${status.reason}`;
      break;
  }
  return (
    <p className={`editor-autosave editor-autosave-${status.kind}`} role="status" aria-live="polite" data-autosave={status.kind}>
      {text}
    </p>
  );
}
