// Why a comment was refused outright (nothing stored), with the message the commenter sees.
export const commentRefusalMessages = {
  "article-unavailable": "This article is not available for comments.",
  closed: "Comments are closed on this article.",
  banned: "Your account is banned from commenting.",
  "parent-unavailable": "The comment you are replying to is no longer available.",
  duplicate: "Duplicate comment detected; it looks as though you've already said that!",
  flood: "You are posting comments too quickly. Slow down.",
  // Replaced by the wait, from the per-address limit (lib/rate-limits.ts).
  "too-fast": "You are posting too fast.",
  "not-editable": "This comment can no longer be edited.",
  "not-found": "That comment does not exist or is not yours.",
} as const;

export type CommentRefusal = keyof typeof commentRefusalMessages;
