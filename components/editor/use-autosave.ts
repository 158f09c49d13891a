"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { autosaveArticleAction } from "@/app/(studio)/dashboard/articles/actions";
import { idleState } from "@/lib/actions/action-state";

export type AutosaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date; mode: "draft" | "pending" }
  | { kind: "failed"; reason: string };

// Seconds of quiet after a change before the editor saves.
const AUTOSAVE_DELAY_MS = 2500;

// Fields whose half-typed value would create something (a tag, a publication) are saved when
// the author leaves them, not while they type.
const savedOnLeave = new Set(["tags", "publicationName"]);

// Autosave for the editor form: a few seconds after the last change it sends the whole form to
// the autosave action. The first save of a new article creates it and reports its id.
export function useAutosave({
  formRef,
  initialArticleId,
  onCreated,
}: {
  formRef: RefObject<HTMLFormElement | null>;
  initialArticleId: number | null;
  onCreated: (articleId: number) => void;
}) {
  const [status, setStatus] = useState<AutosaveStatus>({ kind: "idle" });
  const articleId = useRef<number | null>(initialArticleId);
  const changeVersion = useRef(0);
  const savedVersion = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const runAgain = useRef(false);
  const paused = useRef(false);
  const onCreatedRef = useRef(onCreated);

  useEffect(() => {
    onCreatedRef.current = onCreated;
  }, [onCreated]);

  const clearTimer = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  // Sends the form once, unless nothing changed or the focused field waits until it is left.
  const saveOnce = useCallback(async (): Promise<void> => {
    const form = formRef.current;
    if (!form || paused.current || changeVersion.current === savedVersion.current) return;
    const active = document.activeElement;
    if (active instanceof HTMLInputElement && form.contains(active) && savedOnLeave.has(active.name)) return;

    const version = changeVersion.current;
    const data = new FormData(form);
    data.delete("intent");
    data.set("articleId", articleId.current === null ? "" : String(articleId.current));
    setStatus({ kind: "saving" });
    try {
      const result = await autosaveArticleAction(idleState, data);
      if (result.status !== "ok") {
        setStatus({ kind: "failed", reason: result.message ?? "the article could not be saved." });
        return;
      }
      const id = Number(result.values?.articleId);
      if (articleId.current === null && Number.isSafeInteger(id) && id > 0) {
        articleId.current = id;
        onCreatedRef.current(id);
      }
      savedVersion.current = Math.max(savedVersion.current, version);
      setStatus({
        kind: "saved",
        at: new Date(result.values?.savedAt ?? Date.now()),
        mode: result.values?.mode === "pending" ? "pending" : "draft",
      });
    } catch {
      setStatus({ kind: "failed", reason: "the server could not be reached. Your text is still here; it is saved with your next change." });
    }
  }, [formRef]);

  // One save at a time; a change made while one is on its way is saved right after it.
  const run = useCallback(async (): Promise<void> => {
    clearTimer();
    if (inFlight.current) {
      runAgain.current = true;
      return;
    }
    do {
      runAgain.current = false;
      const request = saveOnce();
      inFlight.current = request;
      await request;
      inFlight.current = null;
    } while (runAgain.current);
  }, [clearTimer, saveOnce]);

  const schedule = useCallback(
    (delay: number) => {
      clearTimer();
      timer.current = setTimeout(() => void run(), delay);
    },
    [clearTimer, run],
  );

  // Call after every change the author makes.
  const changed = useCallback(() => {
    changeVersion.current += 1;
    schedule(AUTOSAVE_DELAY_MS);
  }, [schedule]);

  // Leaving a field saves what waited for it.
  const left = useCallback(() => {
    if (changeVersion.current !== savedVersion.current) schedule(300);
  }, [schedule]);

  // While the form is being submitted, autosave keeps still; after a refusal it goes on.
  const pause = useCallback(() => {
    paused.current = true;
    clearTimer();
  }, [clearTimer]);
  const resume = useCallback(() => {
    paused.current = false;
  }, []);

  // While the form is on its way to the server, so are its changes: the redirect that answers it
  // (which Next may make a full page load) must not ask whether to leave them behind.
  const hasUnsavedChanges = useCallback(() => !paused.current && changeVersion.current !== savedVersion.current, []);
  const pendingCreation = useCallback(() => (articleId.current === null ? inFlight.current : null), []);
  const currentArticleId = useCallback(() => articleId.current, []);

  useEffect(() => clearTimer, [clearTimer]);

  return { status, changed, left, pause, resume, hasUnsavedChanges, pendingCreation, currentArticleId };
}
