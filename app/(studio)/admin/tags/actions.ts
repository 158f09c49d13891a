"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { tagListHref } from "@/components/taxonomy-admin/taxonomy-admin-href";
import { SEARCH_MAX_LENGTH, SLUG_TAKEN_MESSAGE, slugFromName, tagFields } from "@/components/taxonomy-admin/taxonomy-input";
import { deleteTag, mergeTags, renameTag } from "@/db/queries/tag-admin";
import { typedValues, type ActionState } from "@/lib/actions/action-state";
import { adminAction } from "@/lib/actions/action-wrappers";

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

// The list view to return to: search and page, sent back as hidden fields. A tampered value
// only changes where the admin lands.
const listContext = {
  q: z.string().trim().max(SEARCH_MAX_LENGTH).catch(""),
  page: z.coerce.number().int().positive().max(999_999).catch(1),
};

function backToList({ q, page }: { q: string; page: number }, done: string): string {
  return tagListHref({ q, page }, { done });
}

const NOT_FOUND_MESSAGE = "That tag no longer exists: another admin may have merged or deleted it.";

function refuse(message: string, formData: FormData, fieldErrors?: Record<string, string[]>): ActionState {
  return { status: "error", message, values: typedValues(formData), ...(fieldErrors ? { fieldErrors } : {}) };
}

const renameSchema = z.object({ tagId: id, ...tagFields, ...listContext }).transform(slugFromName);

export const renameTagAction = adminAction(renameSchema, async ({ tagId, name, slug, q, page }, { formData }) => {
  const result = await renameTag({ tagId, name, slug });
  if (!result.ok) {
    if (result.reason === "slug-taken") {
      return { ...refuse("Please correct the highlighted fields.", formData, { slug: [SLUG_TAKEN_MESSAGE.tag] }), status: "invalid" };
    }
    return refuse(NOT_FOUND_MESSAGE, formData);
  }
  redirect(backToList({ q, page }, result.changed ? "renamed" : "unchanged"));
});

const mergeSchema = z.object({
  tagId: id,
  // The select's empty "Choose…" option means none was chosen.
  targetTagId: z.string({ error: "Choose the tag to merge into." }).regex(/^[1-9][0-9]{0,15}$/, "Choose the tag to merge into.").transform(Number),
  ...listContext,
});

export const mergeTagAction = adminAction(mergeSchema, async ({ tagId, targetTagId, q, page }, { formData }) => {
  const result = await mergeTags({ sourceTagId: tagId, targetTagId });
  if (!result.ok) {
    switch (result.reason) {
      case "not-found":
        return refuse(NOT_FOUND_MESSAGE, formData);
      case "same-tag":
        return refuse("A tag cannot be merged into itself.", formData, { targetTagId: ["Choose another tag."] });
      case "target-not-found":
        return refuse("The tag you chose no longer exists. Choose another.", formData, { targetTagId: ["Choose another tag."] });
    }
  }
  redirect(backToList({ q, page }, "merged"));
});

const deleteSchema = z.object({ tagId: id, ...listContext });

export const deleteTagAction = adminAction(deleteSchema, async ({ tagId, q, page }, { formData }) => {
  const result = await deleteTag({ tagId });
  if (!result.ok) return refuse(NOT_FOUND_MESSAGE, formData);
  redirect(backToList({ q, page }, "deleted"));
});
