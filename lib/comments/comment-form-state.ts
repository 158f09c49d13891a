import { z } from "zod";
import type { ActionState } from "../actions/action-state";

// Where the comment form posts without JavaScript: answered by the custom server
// (lib/server/comment-post-endpoint.ts), not by Next.
export function commentPostPath(slug: string): string {
  return `/articles/${encodeURIComponent(slug)}/comments`;
}

// A comment refused on the JavaScript-off path is answered with the article page itself, rendered
// by Next with the form's state (message, field errors, the typed text). The custom server passes
// that state to the page in this request header, after removing any copy a client sent (as with
// the client address, lib/client-ip.ts).
export const COMMENT_FORM_STATE_HEADER = "x-crosscurrents-comment-form-state";

const stateSchema = z.object({
  status: z.enum(["idle", "ok", "invalid", "error"]),
  message: z.string().optional(),
  fieldErrors: z.record(z.string(), z.array(z.string()).optional()).optional(),
  values: z.record(z.string(), z.string()).optional(),
});

// Base64url: header values cannot carry line breaks or most control characters.
export function encodeCommentFormState(state: ActionState): string {
  return Buffer.from(JSON.stringify(state), "utf8").toString("base64url");
}

export function decodeCommentFormState(value: string | null | undefined): ActionState | null {
  if (!value) return null;
  try {
    const parsed = stateSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
