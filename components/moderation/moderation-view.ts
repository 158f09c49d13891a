import type { CommentStatus } from "@/db/schema";

// Which tab and page of the queue a moderator is on. Every link and form on /moderation carries
// it, so an action (and its confirmation step) returns them to the same view.
export type ModerationView = { status: CommentStatus; page: number };

export const MODERATION_PATH = "/moderation";
export const MODERATION_LOG_PATH = "/moderation/log";

export const moderationTabs: readonly { status: CommentStatus; label: string }[] = [
  { status: "pending", label: "Pending" },
  { status: "approved", label: "Approved" },
  { status: "spam", label: "Spam" },
  { status: "trash", label: "Trash" },
];

// Anything but a known tab is the queue itself: an old bookmark or a typo never breaks the page.
export function parseModerationStatus(raw: string | string[] | undefined): CommentStatus {
  return moderationTabs.find((tab) => tab.status === raw)?.status ?? "pending";
}

export function moderationHref({ status, page }: ModerationView, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (status !== "pending") params.set("status", status);
  if (page > 1) params.set("page", String(page));
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const query = params.toString();
  return query ? `${MODERATION_PATH}?${query}` : MODERATION_PATH;
}

// The checkboxes live in the rows, outside the bulk form; their form="…" attribute makes them part
// of it, in the browser's own form submission and in React's alike.
export const BULK_FORM_ID = "moderation-bulk";
