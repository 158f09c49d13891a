"use client";

import Link from "next/link";
import { useActionState } from "react";
import { deleteTagAction } from "@/app/(studio)/admin/tags/actions";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/actions/action-state";
import { ListContextFields } from "./list-context-fields";
import type { AdminListContext } from "./taxonomy-admin-href";

export function TagDeleteForm({
  tag,
  context,
  cancelHref,
}: {
  tag: { id: number; name: string };
  context: AdminListContext;
  cancelHref: string;
}) {
  const [state, formAction] = useActionState(deleteTagAction, idleState);
  return (
    <form action={formAction} className="stacked-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="tagId" value={tag.id} />
      <ListContextFields context={context} />
      <p className="form-hint">This cannot be undone.</p>
      <div className="admin-inline-fields">
        <SubmitButton className="button button-danger" pendingText="Deleting…">
          Delete {tag.name}
        </SubmitButton>
        <Link href={cancelHref}>Cancel</Link>
      </div>
    </form>
  );
}
