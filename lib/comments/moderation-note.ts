import { z } from "zod";
import { MODERATION_NOTE_MAX_LENGTH } from "./comment-limits";

// The optional reason a moderator gives when sending a comment to spam or trash; its author sees it.
export const moderationNoteField = z
  .string()
  .trim()
  .max(MODERATION_NOTE_MAX_LENGTH, `Keep the reason under ${MODERATION_NOTE_MAX_LENGTH} characters.`)
  .optional()
  .transform((note) => note || null);
