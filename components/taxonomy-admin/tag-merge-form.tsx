"use client";

import Link from "next/link";
import { useActionState } from "react";
import { mergeTagAction } from "@/app/(studio)/admin/tags/actions";
import { describedFieldProps, FieldMessages } from "@/components/forms/field-messages";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import type { TagChoice } from "@/db/queries/tag-admin";
import { idleState } from "@/lib/actions/action-state";
import { ListContextFields } from "./list-context-fields";
import type { AdminListContext } from "./taxonomy-admin-href";

export function TagMergeForm({
  tag,
  targets,
  context,
  cancelHref,
}: {
  tag: { id: number; name: string };
  targets: TagChoice[];
  context: AdminListContext;
  cancelHref: string;
}) {
  const [state, formAction] = useActionState(mergeTagAction, idleState);
  const target = state.values?.targetTagId ?? "";
  const errors = state.fieldErrors?.targetTagId;
  const fieldId = "merge-target";
  const hint = `${tag.name}’s articles will carry the chosen tag instead (an article that has both keeps it once), and ${tag.name}’s addresses will redirect to it.`;
  return (
    <form action={formAction} className="stacked-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="tagId" value={tag.id} />
      <ListContextFields context={context} />
      <div className="form-field">
        <label htmlFor={fieldId}>Merge into</label>
        {/* Keyed by its default, so the form reset after a refusal keeps the choice. */}
        <select
          key={target}
          id={fieldId}
          name="targetTagId"
          required
          defaultValue={target}
          {...describedFieldProps(fieldId, { errors, hint })}
        >
          <option value="" disabled>
            Choose a tag…
          </option>
          {targets.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.name} ({choice.slug})
            </option>
          ))}
        </select>
        <FieldMessages id={fieldId} errors={errors} hint={hint} />
      </div>
      <p className="form-hint">“{tag.name}” is then deleted. This cannot be undone.</p>
      <div className="admin-inline-fields">
        <SubmitButton className="button button-danger" pendingText="Merging…">
          Merge {tag.name}
        </SubmitButton>
        <Link href={cancelHref}>Cancel</Link>
      </div>
    </form>
  );
}
