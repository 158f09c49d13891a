"use client";

import { useFormStatus } from "react-dom";

// Shows a pending state while its form's action runs (or while `pending`, for a form that calls its
// action itself); a plain submit button without JavaScript.
export function SubmitButton({
  children,
  pendingText,
  className,
  pending: pendingAction = false,
}: {
  children: React.ReactNode;
  pendingText?: string;
  className?: string;
  pending?: boolean;
}) {
  const pending = useFormStatus().pending || pendingAction;
  return (
    <button type="submit" className={className ?? "button"} aria-disabled={pending} disabled={pending}>
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
