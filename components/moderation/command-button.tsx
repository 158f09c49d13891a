"use client";

import { useFormStatus } from "react-dom";

// A submit button that sends its own name and value (one form, several commands). While the form
// is being sent every button is disabled and the one pressed says what is happening; without
// JavaScript it is a plain submit button.
export function CommandButton({
  name,
  value,
  pendingText,
  className = "button button-small",
  children,
}: {
  name: string;
  value: string;
  pendingText: string;
  className?: string;
  children: React.ReactNode;
}) {
  const { pending, data } = useFormStatus();
  const pressed = pending && data?.get(name) === value;
  return (
    <button type="submit" name={name} value={value} className={className} disabled={pending} aria-disabled={pending}>
      {pressed ? pendingText : children}
    </button>
  );
}
