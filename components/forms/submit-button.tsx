"use client";

import { useFormStatus } from "react-dom";

// Shows a pending state while its form's action runs; a plain submit button without JavaScript.
export function SubmitButton({ children, pendingText, className }: { children: React.ReactNode; pendingText?: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className ?? "button"} aria-disabled={pending} disabled={pending}>
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
