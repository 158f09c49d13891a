"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { deleteUnusedMedia } from "@/db/queries/media";
import type { ActionState } from "@/lib/actions/action-state";
import { authorAction } from "@/lib/actions/action-wrappers";
import { can } from "@/lib/authz";
import { deleteMediaFiles, MEDIA_ID_PATTERN } from "@/lib/media/media-files";

const deleteSchema = z.object({ mediaId: z.string().regex(MEDIA_ID_PATTERN, "Choose an image from the list.") });

const refusals = {
  "not-found": "That image no longer exists.",
  forbidden: "You can only delete your own images.",
  "in-use": "This image is used in an article. Remove it from the article (and save) before deleting it.",
} as const;

// Deletes an unused image: the record goes in a transaction that checks nothing uses it, then its
// files. Authors delete their own; admins anyone's (the same rule as editing articles).
export const deleteMediaAction = authorAction(deleteSchema, async ({ mediaId }, { user }): Promise<ActionState> => {
  const result = await deleteUnusedMedia({ id: mediaId, mayDelete: (record) => can(user, "article:edit", { authorId: record.ownerId ?? -1 }) });
  if (!result.ok) return { status: "error", message: refusals[result.reason] };
  await deleteMediaFiles(mediaId, result.widths);
  refresh();
  redirect("/dashboard/media?deleted=1");
});
