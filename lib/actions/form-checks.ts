import type { z } from "zod";
import type { SessionUser } from "../../db/queries/auth-users";
import type { UserRole } from "../../db/schema";
import { formatBanMessage } from "../ban-message";
import { hasRole } from "../permissions";
import { typedValues, type ActionState, type FormEntries } from "./action-state";

// The checks every signed-in form runs before its own work, free of Next so that the server-action
// wrappers (./action-wrappers.ts) and the comment-posting endpoint in the custom server
// (lib/server/comment-post-endpoint.ts) apply the very same ones.

export function formObject(form: FormEntries): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) if (!name.startsWith("$ACTION")) object[name] = value;
  return object;
}

export function validateForm<Schema extends z.ZodType>(
  schema: Schema,
  form: FormEntries,
): { ok: true; data: z.infer<Schema> } | { ok: false; state: ActionState } {
  const parsed = schema.safeParse(formObject(form));
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return { ok: false, state: { status: "invalid", message: "Please correct the highlighted fields.", fieldErrors, values: typedValues(form) } };
}

// Whether this user may submit the form; if not (signed out, banned, role too low), the answer.
export async function checkAccess(
  user: SessionUser | null,
  role: UserRole,
  { allowBanned = false, form, timeZone }: { allowBanned?: boolean; form: FormEntries; timeZone: () => Promise<string> },
): Promise<{ ok: true; user: SessionUser } | { ok: false; state: ActionState }> {
  const refuse = (message: string) => ({ ok: false as const, state: { status: "error" as const, message, values: typedValues(form) } });
  if (!user) return refuse("Your session has ended. Please sign in again.");
  if (user.ban && !allowBanned) return refuse(formatBanMessage(user.ban, await timeZone()));
  if (!hasRole(user, role)) return refuse("You do not have permission to do that.");
  return { ok: true, user };
}
