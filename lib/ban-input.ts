import "./zod-jitless";
import { z } from "zod";
import { BAN_REASON_MAX_LENGTH, banDurations } from "./bans";

// The ban form's fields as the server accepts them, shared by /admin/users and the moderation queue.
export const banReasonField = z
  .string()
  .trim()
  .max(BAN_REASON_MAX_LENGTH, `Use at most ${BAN_REASON_MAX_LENGTH} characters.`)
  .optional();

export const banDurationField = z.enum(banDurations, "Choose how long the ban lasts.");
