import { COVER_ALT_MISSING_MESSAGE } from "./article-input";
import type { EditorFailure, EditorPhase } from "../../db/queries/article-editor";

// What the editor says after a button, as the ?saved= message on the page it redirects to.
export const savedMessages = {
  draft: "Draft saved.",
  published: "Published. Readers see it now.",
  scheduled: "Scheduled.",
  updated: "Updated. Readers see the changes now.",
  "updated-scheduled": "Updated. The article stays scheduled.",
  unpublished: "Unpublished. It is a draft again and readers no longer see it.",
  discarded: "Unpublished changes discarded.",
  deleted: "Article deleted.",
} as const;
export type SavedMessageKey = keyof typeof savedMessages;

export function savedMessageFor(value: string | string[] | undefined): string | null {
  return typeof value === "string" && value in savedMessages ? savedMessages[value as SavedMessageKey] : null;
}

const phaseNames: Record<EditorPhase, string> = { draft: "a draft", scheduled: "scheduled", published: "published" };

// Refusals from the data layer, with the field they concern when there is one.
export function failureMessage(reason: EditorFailure, { slug, phase }: { slug: string; phase?: EditorPhase }): { message: string; field?: string } {
  switch (reason) {
    case "not-found":
      return { message: "This article no longer exists." };
    case "forbidden":
      return { message: "You can only change your own articles." };
    case "stale":
      return {
        message: `This article was changed elsewhere and is now ${phase ? phaseNames[phase] : "different"}. Reload the editor to continue.`,
      };
    case "slug-taken":
      return { message: `The slug “${slug}” is already used by another article. Choose another.`, field: "slug" };
    case "publication-not-found":
      return { message: "That publication no longer exists. Choose another.", field: "publicationId" };
    case "publication-exists":
      return { message: "A publication with this name already exists. Choose it from the list instead.", field: "publicationName" };
    case "schedule-in-past":
      return { message: "Choose a time in the future.", field: "publishAt" };
    case "cover-not-found":
      return { message: "That cover image no longer exists. Choose another or upload a new one.", field: "coverMediaId" };
    case "cover-forbidden":
      return { message: "You can only use your own uploads as a cover. Choose one of yours or upload a new one.", field: "coverMediaId" };
    case "cover-alt-missing":
      return { message: COVER_ALT_MISSING_MESSAGE, field: "coverAlt" };
  }
}
