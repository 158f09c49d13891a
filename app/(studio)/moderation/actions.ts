"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { askToConfirmDelete } from "@/components/moderation/delete-confirmation";
import { moderationHref } from "@/components/moderation/moderation-view";
import {
  banCommentAuthor,
  moderateComments,
  moderationCommands,
  type BanAuthorResult,
} from "@/db/queries/comment-moderation";
import { submitComment } from "@/db/queries/comment-submission";
import { newModerationBatchId } from "@/db/queries/moderation-batch-id";
import { commentStatuses } from "@/db/schema";
import { idleState, typedValues, type ActionState } from "@/lib/actions/action-state";
import { moderatorAction } from "@/lib/actions/action-wrappers";
import { logBan, logModeration } from "@/lib/audit-log";
import { banDurationField, banReasonField } from "@/lib/ban-input";
import { banEndsAt } from "@/lib/bans";
import { commentBodyField, positiveId } from "@/lib/comments/comment-input";
import { moderationNoteField } from "@/lib/comments/moderation-note";
import { currentTime } from "@/lib/clock";

// The view to return to. A tampered value only changes where the moderator lands, so it falls
// back to the queue rather than refusing the action.
const viewFields = {
  status: z.enum(commentStatuses).catch("pending"),
  page: z.coerce.number().int().positive().max(999_999).catch(1),
};

function refuse(message: string, formData: FormData, fieldErrors?: Record<string, string[]>): ActionState {
  return { status: "error", message, values: typedValues(formData), ...(fieldErrors ? { fieldErrors } : {}) };
}

const MAX_BATCH = 200;
// Repeated checkbox values: the wrapper keeps only the last, so they are read from the form here.
const commentIdsSchema = z
  .array(positiveId)
  .min(1, "Select at least one comment.")
  .max(MAX_BATCH, `Select at most ${MAX_BATCH} comments at once.`);

const moderateSchema = z.object({
  command: z.enum(moderationCommands, "Choose an action."),
  confirm: z.enum(["yes", "no"]).optional(),
  note: moderationNoteField,
  ...viewFields,
});

// Every status change from the queue, for one comment (its row's buttons) or several (the bulk
// form). Deleting asks first: see components/moderation/delete-confirmation.ts.
export const moderateCommentsAction = moderatorAction(
  moderateSchema,
  async ({ command, confirm, note, status, page }, { user, formData }) => {
    if (confirm === "no") return idleState;
    const ids = commentIdsSchema.safeParse(formData.getAll("commentIds"));
    if (!ids.success) {
      const message = ids.error.issues[0]?.message ?? "Select at least one comment.";
      return { status: "invalid", message, fieldErrors: { commentIds: [message] }, values: typedValues(formData) };
    }
    if (command === "delete" && confirm !== "yes") return askToConfirmDelete([...new Set(ids.data)]);
    const batchId = newModerationBatchId();
    const outcome = await moderateComments({ moderator: user, commentIds: ids.data, action: command, batchId, note });
    if (outcome.changedIds.length === 0) {
      return refuse(
        ids.data.length === 1
          ? "Nothing changed: that comment was moderated meanwhile, or this action does not apply to it."
          : "Nothing changed: those comments were moderated meanwhile, or this action does not apply to them.",
        formData,
      );
    }
    logModeration({ actorId: user.id, action: command, commentIds: outcome.changedIds });
    redirect(
      moderationHref({ status, page }, {
        done: command,
        count: String(outcome.changedIds.length),
        ...(outcome.skipped > 0 ? { skipped: String(outcome.skipped) } : {}),
        // The queue offers to undo it for a minute (see undoModerationAction).
        ...(command === "delete" ? {} : { undo: batchId }),
      }),
    );
  },
);

const replySchema = z.object({
  commentId: positiveId,
  articleId: positiveId,
  body: commentBodyField,
  ...viewFields,
});

// Published at once (moderators are trusted); answering a pending comment approves it.
export const replyFromQueueAction = moderatorAction(
  replySchema,
  async ({ commentId, articleId, body, status, page }, { user, formData }) => {
    const result = await submitComment({ articleId, authorId: user.id, parentId: commentId, body, fromModerationQueue: true });
    if (!result.ok) return refuse(result.message, formData);
    logModeration({ actorId: user.id, action: "reply", commentIds: [commentId, result.commentId] });
    redirect(moderationHref({ status, page }, { done: "reply" }));
  },
);

const banSchema = z.object({
  commentId: positiveId,
  reason: banReasonField,
  duration: banDurationField.default("permanent"),
  ...viewFields,
});

const banRefusals: Record<Extract<BanAuthorResult, { ok: false }>["reason"], string> = {
  "not-found": "That comment no longer exists.",
  "no-author": "The author of that comment no longer has an account.",
  self: "You cannot ban yourself.",
  "not-allowed": "Only an admin can ban a moderator or an admin.",
};

export const banCommentAuthorAction = moderatorAction(
  banSchema,
  async ({ commentId, reason, duration, status, page }, { user, formData }) => {
    const now = currentTime();
    const result = await banCommentAuthor({ moderator: user, commentId, reason: reason || null, until: banEndsAt(duration, now), now });
    if (!result.ok) return refuse(banRefusals[result.reason], formData);
    logBan({ actorId: user.id, userId: result.userId, until: banEndsAt(duration, now), commentId });
    redirect(moderationHref({ status, page }, { done: "ban" }));
  },
);
