import type { CommentReportReason } from "@/db/schema";

// What readers choose from when reporting a comment, and how moderators see it. Type-only
// import: the report form (a client component) lists these.
export const commentReportReasonLabels: Record<CommentReportReason, string> = {
  spam: "Spam",
  harassment: "Harassment or hate",
  "off-topic": "Off-topic",
  other: "Other",
};
