"use client";

import Link from "next/link";
import { useActionState } from "react";
import { renameTagAction } from "@/app/(studio)/admin/tags/actions";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/actions/action-state";
import { AdminTextField } from "./admin-text-field";
import { ListContextFields } from "./list-context-fields";
import type { AdminListContext } from "./taxonomy-admin-href";
import { SLUG_HINT, SLUG_MAX_LENGTH, TAG_NAME_MAX_LENGTH } from "./taxonomy-input";

// One tag's actions, folded away in a disclosure: the rename form, and links to the merge and
// delete confirmations. It opens by itself when the form has a result, so a refusal (with what
// was typed) is visible after a full-page post without JavaScript too.
export function TagRowActions({
  tag,
  context,
  mergeHref,
  deleteHref,
}: {
  tag: { id: number; name: string; slug: string };
  context: AdminListContext;
  mergeHref: string;
  deleteHref: string;
}) {
  const [state, formAction] = useActionState(renameTagAction, idleState);
  const typed = state.values;
  return (
    <details className="admin-user-actions" open={state.status !== "idle" || undefined}>
      <summary>
        Manage<span className="visually-hidden"> tag {tag.name}</span>
      </summary>
      <div className="admin-action-list">
        <form action={formAction} className="admin-action-form" noValidate aria-label={`Rename ${tag.name}`}>
          <FormMessage state={state} />
          <input type="hidden" name="tagId" value={tag.id} />
          <ListContextFields context={context} />
          <AdminTextField
            id={`tag-name-${tag.id}`}
            name="name"
            label="Name"
            className="admin-field"
            required
            maxLength={TAG_NAME_MAX_LENGTH}
            defaultValue={typed?.name ?? tag.name}
            errors={state.fieldErrors?.name}
          />
          <AdminTextField
            id={`tag-slug-${tag.id}`}
            name="slug"
            label="Slug"
            className="admin-field"
            maxLength={SLUG_MAX_LENGTH}
            spellCheck={false}
            defaultValue={typed?.slug ?? tag.slug}
            errors={state.fieldErrors?.slug}
            hint={`${SLUG_HINT} The old address keeps working: it redirects to the new one.`}
          />
          <SubmitButton className="button button-small" pendingText="Renaming…">
            Rename
          </SubmitButton>
        </form>
        <p className="admin-delete-link">
          <Link href={mergeHref}>
            Merge into another tag…<span className="visually-hidden"> ({tag.name})</span>
          </Link>
        </p>
        <p className="admin-delete-link">
          <Link href={deleteHref}>
            Delete…<span className="visually-hidden"> tag {tag.name}</span>
          </Link>
        </p>
      </div>
    </details>
  );
}
