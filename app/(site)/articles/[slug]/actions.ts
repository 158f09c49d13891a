"use server";

import { refresh } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { reportComment, type ReportCommentResult } from "@/db/queries/comment-reports";
import { typedValues } from "@/lib/actions/action-state";
import { userAction } from "@/lib/actions/action-wrappers";
import { clientIpFrom } from "@/lib/client-ip";
import { postCommentInput, reportCommentInput } from "@/lib/comments/comment-input";
import { postComment } from "@/lib/comments/post-comment";

// "Leave a Reply" with JavaScript on; without it the form posts to the endpoint in the custom
// server (lib/server/comment-post-endpoint.ts). Both run lib/comments/post-comment.ts.
export const postCommentAction = userAction(postCommentInput, async (input, { user, formData }) => {
  const ip = clientIpFrom(await headers());
  const answer = await postComment({ input, user, ip, typedBody: String(formData.get("body") ?? "") });
  if (answer.status === "refused") return answer.state;
  // The target differs from the current page only by its hash, which alone would not make the
  // client router fetch the page again.
  refresh();
  redirect(answer.location);
});

const reportRefusals: Record<Extract<ReportCommentResult, { ok: false }>["reason"], string> = {
  "not-found": "That comment is no longer published.",
  own: "You cannot report your own comment.",
  "already-reported": "You have already reported this comment.",
};

// "Report" under a published comment. Enough reports from different readers send it back to the
// moderation queue (db/queries/comment-reports.ts decides, in the transaction that stores the report).
export const reportCommentAction = userAction(reportCommentInput, async ({ commentId, reason }, { user, formData }) => {
  const result = await reportComment({ commentId, reporterId: user.id, reason });
  if (!result.ok) return { status: "error", message: reportRefusals[result.reason], values: typedValues(formData) };
  refresh();
  redirect(`/articles/${result.articleSlug}${result.returnedToQueue ? "#comments" : `#comment-${commentId}`}`);
});
