"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { userListHref, MAX_SEARCH_LENGTH } from "@/components/admin/user-list-href";
import { getSessionUserById } from "@/db/queries/auth-users";
import { issueOneTimeToken } from "@/db/queries/one-time-tokens";
import { banUser, deleteUser, setUserRole, unbanUser, type DeleteUserResult } from "@/db/queries/user-admin";
import { userRoles } from "@/db/schema";
import type { ActionState } from "@/lib/actions/action-state";
import { typedValues } from "@/lib/actions/action-state";
import { logBan, logRoleChange, logUnban, logUserDeletion } from "@/lib/audit-log";
import { adminAction } from "@/lib/actions/action-wrappers";
import { banDurationField, banReasonField } from "@/lib/ban-input";
import { banEndsAt } from "@/lib/bans";
import { getConfig } from "@/lib/config";
import { currentTime } from "@/lib/clock";

const id = z.coerce.number().int().positive();

// The list view to return to: search and page, sent back as hidden fields.
const listContext = {
  q: z.string().trim().max(MAX_SEARCH_LENGTH).optional(),
  page: z.coerce.number().int().positive().max(999_999).optional(),
};

function backToList({ q, page }: { q?: string; page?: number }, done: string): string {
  return userListHref({ q: q ?? "", page: page ?? 1 }, { done });
}

const SELF_MESSAGE = "You cannot change your own account here; use another admin account.";
const NOT_FOUND_MESSAGE = "That user no longer exists.";

function refuse(message: string, formData: FormData): ActionState {
  return { status: "error", message, values: typedValues(formData) };
}

const roleSchema = z.object({ userId: id, role: z.enum(userRoles), ...listContext });

export const changeRoleAction = adminAction(roleSchema, async ({ userId, role, ...context }, { user, formData }) => {
  if (userId === user.id) return refuse(SELF_MESSAGE, formData);
  const result = await setUserRole({ userId, role });
  if (!result.ok) {
    return refuse(result.reason === "last-admin" ? "The site needs at least one admin." : NOT_FOUND_MESSAGE, formData);
  }
  logRoleChange({ actorId: user.id, userId, from: result.previousRole, to: role });
  redirect(backToList(context, "role"));
});

const banSchema = z.object({
  userId: id,
  reason: banReasonField,
  duration: banDurationField,
  ...listContext,
});

export const banUserAction = adminAction(banSchema, async ({ userId, reason, duration, ...context }, { user, formData }) => {
  if (userId === user.id) return refuse(SELF_MESSAGE, formData);
  const now = currentTime();
  const until = banEndsAt(duration, now);
  if (!(await banUser({ userId, reason: reason || null, until, now }))) return refuse(NOT_FOUND_MESSAGE, formData);
  logBan({ actorId: user.id, userId, until });
  redirect(backToList(context, "banned"));
});

const userIdSchema = z.object({ userId: id, ...listContext });

export const unbanUserAction = adminAction(userIdSchema, async ({ userId, ...context }, { user, formData }) => {
  if (userId === user.id) return refuse(SELF_MESSAGE, formData);
  if (!(await unbanUser({ userId }))) return refuse(NOT_FOUND_MESSAGE, formData);
  logUnban({ actorId: user.id, userId });
  redirect(backToList(context, "unbanned"));
});

const RESET_LINK_VALID_MS = 3600_000;

// The link is shown once, in this action's result only: never in a URL, a redirect or a log.
export const makeResetLinkAction = adminAction(userIdSchema, async ({ userId }, { formData }) => {
  const target = await getSessionUserById({ id: userId });
  if (!target) return refuse(NOT_FOUND_MESSAGE, formData);
  const token = await issueOneTimeToken({ purpose: "password-reset", userId, validForMs: RESET_LINK_VALID_MS });
  const url = `${getConfig().siteUrl}/reset-password?token=${encodeURIComponent(token)}`;
  return { status: "ok", message: `Reset link for ${target.email} (valid for one hour, once): ${url}` };
});

const deleteSchema = z.object({
  userId: id,
  // The select's empty "Choose…" option means none was chosen.
  reassignTo: z.preprocess((value) => (value === "" ? undefined : value), id.optional()),
  comments: z.enum(["keep", "remove"], "Choose what happens to their comments."),
  ...listContext,
});

type DeleteFailure = Extract<DeleteUserResult, { ok: false }>["reason"];

const deleteMessages: Record<DeleteFailure, string> = {
  "last-admin": "The site needs at least one admin.",
  "needs-reassignment": "This user has articles. Choose an author, moderator or admin to receive them.",
  "invalid-reassignment": "Their articles can only go to another author, moderator or admin. Choose someone else.",
  "not-found": NOT_FOUND_MESSAGE,
};

const reassignmentErrors: Partial<Record<DeleteFailure, string>> = {
  "needs-reassignment": "Choose who receives their articles.",
  "invalid-reassignment": "Choose an author, moderator or admin.",
};

export const deleteUserAction = adminAction(
  deleteSchema,
  async ({ userId, reassignTo, comments, ...context }, { user, formData }) => {
    if (userId === user.id) return refuse(SELF_MESSAGE, formData);
    const result = await deleteUser({ userId, reassignArticlesTo: reassignTo ?? null, comments });
    if (!result.ok) {
      const refusal = refuse(deleteMessages[result.reason], formData);
      // Marked at the select too (which then appears even if the page knew of no articles).
      const fieldError = reassignmentErrors[result.reason];
      return fieldError ? { ...refusal, fieldErrors: { reassignTo: [fieldError] } } : refusal;
    }
    logUserDeletion({ actorId: user.id, userId });
    redirect(backToList(context, "deleted"));
  },
);
