"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import {
  autosaveArticle,
  deleteArticleFromEditor,
  discardAutosave,
  saveArticleFromEditor,
  type EditorCommand,
} from "@/db/queries/article-editor";
import { typedValues, type ActionState } from "@/lib/actions/action-state";
import { authorAction } from "@/lib/actions/action-wrappers";
import { COVER_ALT_MISSING_MESSAGE, coverLacksAltText, editorIntents, parseArticleInput, type FieldErrors } from "@/lib/articles/article-input";
import { failureMessage, type SavedMessageKey } from "@/lib/articles/editor-messages";
import { editorValuesFrom } from "@/lib/articles/editor-values";
import { parseZonedDateTime } from "@/lib/articles/schedule-time";
import { imagesMissingAltText, missingAltTextMessage } from "@/lib/media/image-alt-check";
import { getDisplayTimeZone } from "@/lib/display-time-zone";
import { currentTime } from "@/lib/clock";

// The article editor's server actions. The wrapper checks the role (author and above) and the
// ban; the data layer checks, in the transaction that writes, that this user may change this
// article (authors their own, admins any).

const positiveId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
// Empty (or absent) for an article not saved yet.
const articleIdField = z.union([z.literal("").transform(() => null), positiveId]).nullable().default(null);

const INVALID_MESSAGE = "Please correct the highlighted fields.";

function editHref(articleId: number, saved: SavedMessageKey): string {
  return `/dashboard/articles/${articleId}/edit?saved=${saved}`;
}

function invalid(formData: FormData, fieldErrors: FieldErrors, message = INVALID_MESSAGE): ActionState {
  return { status: "invalid", message, fieldErrors, values: typedValues(formData) };
}

function refused(formData: FormData, message: string): ActionState {
  return { status: "error", message, values: typedValues(formData) };
}

// The schedule field, read in the site's time zone; it must name a future moment.
async function scheduleTime(raw: string): Promise<{ at: Date } | { error: string }> {
  if (raw.trim() === "") return { error: "Choose the date and time to publish at." };
  const at = parseZonedDateTime(raw, await getDisplayTimeZone());
  if (!at) return { error: "Enter a date and time such as 2030-05-01 09:30." };
  if (at.getTime() <= currentTime().getTime()) return { error: "Choose a time in the future." };
  return { at };
}

const saveSchema = z.object({
  intent: z.enum(editorIntents, "Choose what to do with the article."),
  articleId: articleIdField,
});

// Every button of the editor form. Without JavaScript the page re-renders with the result
// (typed values kept); a change redirects, so reloading never submits it again.
export const saveArticleAction = authorAction(saveSchema, async ({ intent, articleId }, { user, formData }) => {
  switch (intent) {
    case "preview":
      return { status: "ok", message: "Preview updated below.", values: typedValues(formData) };
    case "cancel-delete":
      return { status: "idle", values: typedValues(formData) };
    case "delete":
      if (articleId === null) return refused(formData, "This article has not been saved, so there is nothing to delete.");
      // Asks first: only the "Yes, delete permanently" button (confirm-delete) deletes.
      return {
        status: "ok",
        message: "Delete this article permanently? Its comments are deleted too. This cannot be undone.",
        values: { ...typedValues(formData), confirm: "delete" },
      };
    case "confirm-delete": {
      if (articleId === null) return refused(formData, "This article has not been saved, so there is nothing to delete.");
      const deleted = await deleteArticleFromEditor({ actor: user, articleId });
      if (!deleted.ok) return refused(formData, failureMessage(deleted.reason, { slug: "" }).message);
      redirect("/dashboard?saved=deleted");
    }
  }

  const values = editorValuesFrom(formData);
  const parsed = parseArticleInput(values);
  const fieldErrors: FieldErrors = parsed.ok ? {} : { ...parsed.fieldErrors };
  let scheduleAt: Date | null = null;
  // Schedule needs the time; Update moves a scheduled article's time when the field is filled.
  if (intent === "schedule" || (intent === "update" && values.publishAt.trim() !== "")) {
    const time = await scheduleTime(values.publishAt);
    if ("error" in time) fieldErrors.publishAt = [time.error];
    else scheduleAt = time.at;
  }
  // What readers will see must describe its images; a draft may still lack alt text.
  if (intent === "publish" || intent === "schedule" || intent === "update") {
    const altMessages: string[] = [];
    const missing = imagesMissingAltText(values.body);
    if (missing.length > 0) {
      const message = missingAltTextMessage(missing);
      fieldErrors.body = [...(fieldErrors.body ?? []), message];
      altMessages.push(message);
    }
    if (parsed.ok && coverLacksAltText(parsed.fields.cover)) {
      fieldErrors.coverAlt = [...(fieldErrors.coverAlt ?? []), COVER_ALT_MISSING_MESSAGE];
      altMessages.push(COVER_ALT_MISSING_MESSAGE);
    }
    if (parsed.ok && altMessages.length > 0 && Object.keys(fieldErrors).length === altMessages.length) {
      return invalid(formData, fieldErrors, altMessages.join(" "));
    }
  }
  if (!parsed.ok || Object.keys(fieldErrors).length > 0) return invalid(formData, fieldErrors);

  const command: EditorCommand =
    intent === "schedule" && scheduleAt
      ? { kind: "schedule", at: scheduleAt }
      : intent === "update"
        ? { kind: "update", scheduleAt }
        : intent === "publish"
          ? { kind: "publish" }
          : intent === "unpublish"
            ? { kind: "unpublish" }
            : { kind: "save-draft" };
  const result = await saveArticleFromEditor({ actor: user, articleId, fields: parsed.fields, command });
  if (!result.ok) {
    const { message, field } = failureMessage(result.reason, { slug: parsed.fields.slug, phase: result.phase });
    return field ? invalid(formData, { [field]: [message] }, message) : refused(formData, message);
  }
  const saved: SavedMessageKey =
    command.kind === "save-draft"
      ? "draft"
      : command.kind === "publish"
        ? "published"
        : command.kind === "schedule"
          ? "scheduled"
          : command.kind === "unpublish"
            ? "unpublished"
            : result.phase === "scheduled"
              ? "updated-scheduled"
              : "updated";
  // The editor may already be at this very URL (a second Update): make the client fetch it again.
  refresh();
  redirect(editHref(result.articleId, saved));
});

const autosaveSchema = z.object({ articleId: articleIdField });

// Called by the editor a few seconds after a change (JavaScript only). Answers with the article's
// id (a new article is created as a draft by its first autosave), what was saved and when.
export const autosaveArticleAction = authorAction(autosaveSchema, async ({ articleId }, { user, formData }) => {
  const values = editorValuesFrom(formData);
  const parsed = parseArticleInput(values);
  if (!parsed.ok) {
    const first = Object.values(parsed.fieldErrors).find((errors) => errors && errors.length > 0)?.[0];
    return { status: "invalid", message: first ?? INVALID_MESSAGE, fieldErrors: parsed.fieldErrors };
  }
  const result = await autosaveArticle({ actor: user, articleId, fields: parsed.fields, values });
  if (!result.ok) {
    return { status: "error", message: failureMessage(result.reason, { slug: parsed.fields.slug, phase: result.phase }).message };
  }
  return {
    status: "ok",
    values: { articleId: String(result.articleId), mode: result.mode, savedAt: result.savedAt.toISOString() },
  };
});

const discardSchema = z.object({ articleId: positiveId });

// Throws away a published article's pending copy; the live article was never touched.
export const discardPendingChangesAction = authorAction(discardSchema, async ({ articleId }, { user, formData }) => {
  const result = await discardAutosave({ actor: user, articleId });
  if (!result.ok) return refused(formData, failureMessage(result.reason, { slug: "" }).message);
  refresh();
  redirect(editHref(articleId, "discarded"));
});
