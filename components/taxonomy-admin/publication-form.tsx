"use client";

import Link from "next/link";
import { useActionState } from "react";
import { createPublicationAction, updatePublicationAction } from "@/app/(studio)/admin/publications/actions";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/actions/action-state";
import { AdminTextField } from "./admin-text-field";
import { ListContextFields } from "./list-context-fields";
import type { AdminListContext } from "./taxonomy-admin-href";
import {
  COUNTRY_MAX_LENGTH,
  DESCRIPTION_MAX_LENGTH,
  LANGUAGE_MAX_LENGTH,
  PUBLICATION_NAME_MAX_LENGTH,
  SLUG_HINT,
  SLUG_MAX_LENGTH,
  WEBSITE_MAX_LENGTH,
} from "./taxonomy-input";

export type PublicationFormValues = {
  name: string;
  slug: string;
  country: string;
  language: string;
  website: string;
  description: string;
};

const emptyValues: PublicationFormValues = { name: "", slug: "", country: "", language: "", website: "", description: "" };

// Creates a publication (no id) or edits one. After a refusal every box shows what was typed.
export function PublicationForm({
  publicationId,
  stored = emptyValues,
  context,
  cancelHref,
}: {
  publicationId?: number;
  stored?: PublicationFormValues;
  context: AdminListContext;
  cancelHref: string;
}) {
  const editing = publicationId !== undefined;
  const [state, formAction] = useActionState(editing ? updatePublicationAction : createPublicationAction, idleState);
  const typed = state.values;
  const errors = state.fieldErrors ?? {};
  const value = (name: keyof PublicationFormValues) => typed?.[name] ?? stored[name];
  const prefix = editing ? "edit-publication" : "new-publication";
  return (
    <form action={formAction} className="stacked-form" noValidate>
      <FormMessage state={state} />
      {editing ? <input type="hidden" name="publicationId" value={publicationId} /> : null}
      <ListContextFields context={context} />
      <AdminTextField
        id={`${prefix}-name`}
        name="name"
        label="Name"
        required
        maxLength={PUBLICATION_NAME_MAX_LENGTH}
        defaultValue={value("name")}
        errors={errors.name}
      />
      <AdminTextField
        id={`${prefix}-slug`}
        name="slug"
        label="Slug"
        maxLength={SLUG_MAX_LENGTH}
        spellCheck={false}
        defaultValue={value("slug")}
        errors={errors.slug}
        hint={editing ? `${SLUG_HINT} The old address keeps working: it redirects to the new one.` : SLUG_HINT}
      />
      <AdminTextField
        id={`${prefix}-country`}
        name="country"
        label="Country (optional)"
        maxLength={COUNTRY_MAX_LENGTH}
        defaultValue={value("country")}
        errors={errors.country}
      />
      <AdminTextField
        id={`${prefix}-language`}
        name="language"
        label="Language (optional)"
        maxLength={LANGUAGE_MAX_LENGTH}
        spellCheck={false}
        defaultValue={value("language")}
        errors={errors.language}
        hint="A BCP 47 language tag, such as ja, en-GB or zh-Hant."
      />
      <AdminTextField
        id={`${prefix}-website`}
        name="website"
        label="Website (optional)"
        inputMode="url"
        maxLength={WEBSITE_MAX_LENGTH}
        spellCheck={false}
        defaultValue={value("website")}
        errors={errors.website}
        hint="Starting with https:// or http://."
      />
      <AdminTextField
        id={`${prefix}-description`}
        name="description"
        label="Description (optional)"
        multiline
        maxLength={DESCRIPTION_MAX_LENGTH}
        defaultValue={value("description")}
        errors={errors.description}
        hint="Plain text, shown on the publication’s page and under “About this publication” on its articles."
      />
      <div className="admin-inline-fields">
        <SubmitButton pendingText={editing ? "Saving…" : "Adding…"}>{editing ? "Save publication" : "Add publication"}</SubmitButton>
        <Link href={cancelHref}>Cancel</Link>
      </div>
    </form>
  );
}
