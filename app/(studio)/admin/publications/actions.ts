"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicationListHref } from "@/components/taxonomy-admin/taxonomy-admin-href";
import {
  publicationFields,
  SEARCH_MAX_LENGTH,
  SLUG_TAKEN_MESSAGE,
  slugFromName,
} from "@/components/taxonomy-admin/taxonomy-input";
import { createPublication, deletePublication, updatePublication } from "@/db/queries/publication-admin";
import { typedValues, type ActionState } from "@/lib/actions/action-state";
import { adminAction } from "@/lib/actions/action-wrappers";

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

// The list view to return to: search and page, sent back as hidden fields. A tampered value
// only changes where the admin lands.
const listContext = {
  q: z.string().trim().max(SEARCH_MAX_LENGTH).catch(""),
  page: z.coerce.number().int().positive().max(999_999).catch(1),
};

const NOT_FOUND_MESSAGE = "That publication no longer exists: another admin may have deleted it.";

function refuse(message: string, formData: FormData): ActionState {
  return { status: "error", message, values: typedValues(formData) };
}

function slugTaken(formData: FormData): ActionState {
  return {
    status: "invalid",
    message: "Please correct the highlighted fields.",
    fieldErrors: { slug: [SLUG_TAKEN_MESSAGE.publication] },
    values: typedValues(formData),
  };
}

const createSchema = z.object({ ...publicationFields, ...listContext }).transform(slugFromName);

// A new publication is shown on its own in the list afterwards (searched by its slug).
export const createPublicationAction = adminAction(createSchema, async ({ q: _q, page: _page, ...fields }, { formData }) => {
  const result = await createPublication(fields);
  if (!result.ok) return slugTaken(formData);
  redirect(publicationListHref({ q: fields.slug, page: 1 }, { done: "created" }));
});

const updateSchema = z.object({ publicationId: id, ...publicationFields, ...listContext }).transform(slugFromName);

export const updatePublicationAction = adminAction(updateSchema, async ({ q, page, ...fields }, { formData }) => {
  const result = await updatePublication(fields);
  if (!result.ok) return result.reason === "slug-taken" ? slugTaken(formData) : refuse(NOT_FOUND_MESSAGE, formData);
  redirect(publicationListHref({ q, page }, { done: result.changed ? "saved" : "unchanged" }));
});

const deleteSchema = z.object({ publicationId: id, ...listContext });

export const deletePublicationAction = adminAction(deleteSchema, async ({ publicationId, q, page }, { formData }) => {
  const result = await deletePublication({ publicationId });
  if (!result.ok) return refuse(NOT_FOUND_MESSAGE, formData);
  redirect(publicationListHref({ q, page }, { done: "deleted" }));
});
