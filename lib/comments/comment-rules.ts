import type { CommentStatus } from "../../db/schema";
import { disallowedWordList, type SiteSettings } from "../site-settings";
import { countLinks } from "./comment-links";

export { COMMENT_MAX_LENGTH } from "./comment-limits";

export type ModerationSettings = Pick<
  SiteSettings,
  "commentsHoldAll" | "commentsRequirePriorApproval" | "commentMaxLinks" | "commentDisallowedWords"
>;

export type CommentDecision = { status: Extract<CommentStatus, "approved" | "pending" | "spam">; heldReason: string | null };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

let compiled: { setting: string; pattern: RegExp | null } | undefined;

// One pattern for the whole list, compiled once per setting value: the list may hold thousands
// of entries and is checked inside the write transaction of every comment.
function disallowedPattern(disallowedWords: string): RegExp | null {
  if (compiled?.setting !== disallowedWords) {
    const words = disallowedWordList(disallowedWords).sort((a, b) => b.length - a.length);
    const pattern =
      words.length === 0
        ? null
        : new RegExp(`(?<![\\p{L}\\p{N}_])(?:${words.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}_])`, "iu");
    compiled = { setting: disallowedWords, pattern };
  }
  return compiled.pattern;
}

// Whole words and phrases only, in any letter case, so "ass" does not catch "classic".
export function findDisallowedWord(body: string, disallowedWords: string): string | null {
  const match = disallowedPattern(disallowedWords)?.exec(body);
  return match ? match[0].toLowerCase() : null;
}

// The WordPress-style rules, in order: trusted people publish at once; a disallowed word sends a
// comment to spam; too many links, "hold everything" or a first comment hold it for a moderator.
export function decideCommentStatus({
  body,
  trusted,
  hasApprovedComment,
  settings,
}: {
  body: string;
  // Moderators, admins and the article's own author.
  trusted: boolean;
  hasApprovedComment: boolean;
  settings: ModerationSettings;
}): CommentDecision {
  if (trusted) return { status: "approved", heldReason: null };
  const word = findDisallowedWord(body, settings.commentDisallowedWords);
  if (word !== null) return { status: "spam", heldReason: `it contains a disallowed word (“${word}”)` };
  const links = countLinks(body);
  if (links > settings.commentMaxLinks) {
    return { status: "pending", heldReason: `it contains ${links} ${links === 1 ? "link" : "links"}` };
  }
  if (settings.commentsHoldAll) return { status: "pending", heldReason: "every comment is reviewed before it is published" };
  if (settings.commentsRequirePriorApproval && !hasApprovedComment) {
    return { status: "pending", heldReason: "first comment" };
  }
  return { status: "approved", heldReason: null };
}

// Line endings normalised, control characters other than tab and newline (NUL, escapes) removed,
// outer blank space trimmed; inner text kept exactly as typed.
export function normaliseCommentBody(body: string): string {
  return body.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim();
}
