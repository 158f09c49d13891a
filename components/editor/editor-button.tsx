"use client";

import { useFormStatus } from "react-dom";

// One of the editor's submit buttons: it sends name="intent" and its value, so one form (and one
// server action) serves Save draft, Publish now, Schedule, Update, Unpublish and Delete, with
// JavaScript or without. While the form is sent every button waits; the pressed one says why.
export function EditorButton({
  intent,
  pendingText,
  className = "button",
  disabled = false,
  children,
}: {
  intent: string;
  pendingText: string;
  className?: string;
  disabled?: boolean;
  children: React.ReactNode;
}) {
  const { pending, data } = useFormStatus();
  const pressed = pending && data?.get("intent") === intent;
  const inactive = pending || disabled;
  return (
    <button type="submit" name="intent" value={intent} className={className} disabled={inactive} aria-disabled={inactive}>
      {pressed ? pendingText : children}
    </button>
  );
}
