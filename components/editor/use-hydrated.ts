"use client";

import { useSyncExternalStore } from "react";

function subscribe(): () => void {
  return () => {};
}

// False on the server and while hydrating, true once JavaScript runs the page: what only works
// with JavaScript (autosave, the live preview) appears then, and the plain-form fallbacks go.
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
