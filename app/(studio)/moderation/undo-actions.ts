"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { moderationHref } from "@/components/moderation/moderation-view";
import { isModerationBatchId } from "@/db/queries/moderation-batch-id";
import { undoModerationBatch, type UndoRefusal } from "@/db/queries/moderation-undo";
import { commentStatuses } from "@/db/schema";
import { typedValues } from "@/lib/actions/action-state";
import { moderatorAction } from "@/lib/actions/action-wrappers";

const undoSchema = z.object({
  batchId: z.string().refine(isModerationBatchId, "There is nothing to undo."),
  status: z.enum(commentStatuses).catch("pending"),
  page: z.coerce.number().int().positive().max(999_999).catch(1),
});

function refusalMessage(reason: UndoRefusal, changedIds: readonly number[] = []): string {
  switch (reason) {
    case "expired":
      return "Too late to undo: an action can be undone for one minute.";
    case "already-undone":
      return "That action was already undone.";
    case "changed":
      return `Nothing was undone: ${changedIds.length === 1 ? `comment #${changedIds[0]} has` : `comments ${changedIds.map((id) => `#${id}`).join(", ")} have`} changed since (moderated again or edited).`;
    case "not-found":
      return "There is nothing to undo.";
    case "not-yours":
      return "Only the moderator who made a change can undo it.";
    case "not-undoable":
      return "That action cannot be undone.";
  }
}

// The Undo of the queue's toast (and of its `u` key): puts the comments of one command back as
// they were. db/queries/moderation-undo.ts decides whether it still may.
export const undoModerationAction = moderatorAction(undoSchema, async ({ batchId, status, page }, { user, formData }) => {
  const result = await undoModerationBatch({ moderator: user, batchId });
  if (!result.ok) return { status: "error", message: refusalMessage(result.reason, result.changedIds), values: typedValues(formData) };
  redirect(moderationHref({ status, page }, { done: "undo", count: String(result.restoredIds.length) }));
});
