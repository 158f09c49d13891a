"use client";

import Link from "next/link";
import { useActionState } from "react";
import { deletePublicationAction } from "@/app/(studio)/admin/publications/actions";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/actions/action-state";
import { ListContextFields } from "./list-context-fields";
import type { AdminListContext } from "./taxonomy-admin-href";

export function PublicationDeleteForm({
  publication,
  context,
  cancelHref,
}: {
  publication: { id: number; name: string };
  context: AdminListContext;
  cancelHref: string;
}) {
  const [state, formAction] = useActionState(deletePublicationAction, idleState);
  return (
    <form action={formAction} className="stacked-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="publicationId" value={publication.id} />
      <ListContextFields context={context} />
      <p className="form-hint">This cannot be undone.</p>
      <div className="admin-inline-fields">
        <SubmitButton className="button button-danger" pendingText="Deleting…">
          Delete {publication.name}
        </SubmitButton>
        <Link href={cancelHref}>Cancel</Link>
      </div>
    </form>
  );
}
