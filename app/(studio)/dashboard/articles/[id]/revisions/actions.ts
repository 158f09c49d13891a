"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { restoreArticleRevision } from "@/db/queries/article-editor";
import type { ActionState } from "@/lib/actions/action-state";
import { authorAction } from "@/lib/actions/action-wrappers";

const positiveId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const restoreSchema = z.object({ articleId: positiveId, revisionId: positiveId });

const refusals = {
  "not-found": "This article no longer exists.",
  forbidden: "You can only change your own articles.",
  "revision-not-found": "That revision no longer exists (older revisions are pruned). Reload the page.",
} as const;

// Restore: the wrapper checks role and ban; the data layer checks, in the transaction that writes,
// that this user may edit this article, and invalidates its pages.
export const restoreRevisionAction = authorAction(restoreSchema, async ({ articleId, revisionId }, { user }): Promise<ActionState> => {
  const result = await restoreArticleRevision({ actor: user, articleId, revisionId });
  if (!result.ok) return { status: "error", message: refusals[result.reason] };
  refresh();
  redirect(`/dashboard/articles/${articleId}/revisions?restored=${revisionId}`);
});
