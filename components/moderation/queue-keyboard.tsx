"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { commandLabels } from "./moderation-commands";
import type { ModerationView } from "./moderation-view";
import { UNDO_FORM_SELECTOR } from "./undo-toast";

// Keyboard shortcuts for the server-rendered queue. They act by pressing the row's own buttons,
// so they go through the same server actions, pending states and confirmations as the mouse.
export const queueShortcuts: readonly { keys: string; description: string }[] = [
  { keys: "j", description: "Next comment" },
  { keys: "k", description: "Previous comment" },
  { keys: "a", description: "Approve the current comment" },
  { keys: "s", description: "Mark the current comment as spam" },
  { keys: "t", description: "Move the current comment to the Trash" },
  { keys: "r", description: "Reply to the current comment" },
  { keys: "u", description: "Undo the last action (for one minute)" },
  { keys: "?", description: "Show or hide this help" },
];

const ROW_SELECTOR = ".queue-list > li.queue-item";
const CURRENT_CLASS = "queue-item-current";

// The current row outlives the re-render (or remount) that follows an action's redirect: the
// next row takes the place of one that left the list.
let remembered: { viewKey: string; commentId: number; index: number } | null = null;

function queueRows(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>(ROW_SELECTOR));
}

function rowCommentId(row: HTMLElement): number {
  return Number(row.id.replace("queue-comment-", ""));
}

// Shortcuts never fire while the moderator types, whatever the key.
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.matches(
    "textarea, select, input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]):not([type=reset])",
  );
}

function markCurrent(row: HTMLElement | null, { focus }: { focus: boolean }): void {
  for (const other of queueRows()) {
    if (other === row) continue;
    other.removeAttribute("aria-current");
    other.classList.remove(CURRENT_CLASS);
    if (other.getAttribute("tabindex") === "-1") other.removeAttribute("tabindex");
  }
  if (!row) return;
  row.setAttribute("aria-current", "true");
  row.classList.add(CURRENT_CLASS);
  row.tabIndex = -1;
  if (focus) {
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "nearest" });
    // After an action's navigation the router restores its own scroll position: scroll again once it has.
    requestAnimationFrame(() => {
      if (row.isConnected && row.getAttribute("aria-current") === "true") row.scrollIntoView({ block: "nearest" });
    });
  }
}

// The remembered row, or the one now at its place when it has left the list.
function rememberedRow(viewKey: string): HTMLElement | null {
  if (!remembered || remembered.viewKey !== viewKey) return null;
  const rows = queueRows();
  if (rows.length === 0) return null;
  const wanted = remembered.commentId;
  return rows.find((row) => rowCommentId(row) === wanted) ?? rows[Math.min(remembered.index, rows.length - 1)] ?? null;
}

const subscribeToNothing = () => () => {};

export function QueueKeyboard({ view }: { view: ModerationView }) {
  const viewKey = `${view.status}:${view.page}`;
  const helpRef = useRef<HTMLDialogElement>(null);
  const [notice, setNotice] = useState("");
  // Shortcuts need JavaScript, so the hint shows only once it runs.
  const hydrated = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );

  const setCurrent = useCallback(
    (row: HTMLElement | null) => {
      markCurrent(row, { focus: true });
      if (row) remembered = { viewKey, commentId: rowCommentId(row), index: queueRows().indexOf(row) };
    },
    [viewKey],
  );

  const toggleHelp = useCallback(() => {
    const help = helpRef.current;
    if (!help) return;
    if (help.open) help.close();
    else help.showModal();
  }, []);

  // After an action the list is re-rendered: the highlight moves to the row now in its place,
  // and takes the focus back when the pressed button went away with its row.
  useEffect(() => {
    const reapply = () => {
      const row = rememberedRow(viewKey);
      if (!row || row.getAttribute("aria-current") === "true") return;
      const focusLost = document.activeElement === null || document.activeElement === document.body;
      markCurrent(row, { focus: focusLost });
      if (remembered) remembered = { viewKey, commentId: rowCommentId(row), index: queueRows().indexOf(row) };
    };
    reapply();
    const main = document.querySelector("main") ?? document.body;
    const observer = new MutationObserver(reapply);
    observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [viewKey]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (isTextEntry(event.target)) return;
      if (event.key === "?") {
        event.preventDefault();
        toggleHelp();
        return;
      }
      if (helpRef.current?.open || event.shiftKey) return;
      const rows = queueRows();
      const current = rows.find((row) => row.getAttribute("aria-current") === "true") ?? null;
      const index = current ? rows.indexOf(current) : -1;

      const act = (command: "approve" | "spam" | "trash") => {
        if (!current) return setNotice("Press j to choose a comment first.");
        const button = current.querySelector<HTMLButtonElement>(`.queue-status-form button[name="command"][value="${command}"]`);
        if (!button) return setNotice(`“${commandLabels[command]}” does not apply to this comment.`);
        setNotice("");
        button.click();
      };

      switch (event.key) {
        case "j":
        case "k": {
          if (rows.length === 0) return setNotice("There are no comments on this page.");
          const step = event.key === "j" ? 1 : -1;
          const next = index === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, index + step));
          setNotice("");
          setCurrent(rows[next] ?? null);
          break;
        }
        case "a":
          act("approve");
          break;
        case "s":
          act("spam");
          break;
        case "t":
          act("trash");
          break;
        case "r": {
          if (!current) {
            setNotice("Press j to choose a comment first.");
            break;
          }
          const reply = current.querySelector<HTMLTextAreaElement>("details.queue-disclosure textarea[name=body]");
          const disclosure = reply?.closest("details");
          if (!reply || !disclosure) {
            setNotice("This comment cannot be answered.");
            break;
          }
          setNotice("");
          disclosure.open = true;
          reply.focus();
          break;
        }
        case "u": {
          const undo = document.querySelector<HTMLButtonElement>(`${UNDO_FORM_SELECTOR} button[type=submit]`);
          if (!undo || undo.disabled) {
            setNotice("There is nothing to undo.");
            break;
          }
          setNotice("");
          undo.click();
          break;
        }
        default:
          return;
      }
      event.preventDefault();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [setCurrent, toggleHelp]);

  if (!hydrated) return null;
  return (
    <>
      <p className="queue-shortcut-hint">
        Press <kbd>?</kbd> for{" "}
        <button type="button" className="link-button" onClick={toggleHelp}>
          keyboard shortcuts
        </button>
        .{" "}
        <span aria-live="polite" className="queue-shortcut-notice">
          {notice}
        </span>
      </p>
      <dialog ref={helpRef} className="queue-shortcut-help" aria-labelledby="queue-shortcut-heading">
        <h2 id="queue-shortcut-heading">Keyboard shortcuts</h2>
        <dl>
          {queueShortcuts.map((shortcut) => (
            <div key={shortcut.keys}>
              <dt>
                <kbd>{shortcut.keys}</kbd>
              </dt>
              <dd>{shortcut.description}</dd>
            </div>
          ))}
        </dl>
        <p className="form-hint">Shortcuts do nothing while you type in a field. Press Escape to close this help.</p>
        <button type="button" className="button button-small" onClick={() => helpRef.current?.close()}>
          Close
        </button>
      </dialog>
    </>
  );
}
