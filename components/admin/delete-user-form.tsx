"use client";

import Link from "next/link";
import { useActionState } from "react";
import { deleteUserAction } from "@/app/(studio)/admin/users/actions";
import { DeletedCommentsChoice } from "@/components/forms/deleted-comments-choice";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { idleState } from "@/lib/actions/action-state";
import type { ReassignmentCandidate } from "./reassignment-candidates";
import { roleLabels } from "./role-labels";
import { UserListContextFields } from "./user-list-context-fields";
import type { UserListContext } from "./user-list-href";

export function DeleteUserForm({
  userId,
  displayName,
  articleCount,
  candidates,
  context,
  cancelHref,
}: {
  userId: number;
  displayName: string;
  articleCount: number;
  candidates: ReassignmentCandidate[];
  context: UserListContext;
  cancelHref: string;
}) {
  const [state, formAction] = useActionState(deleteUserAction, idleState);
  const comments = state.values?.comments ?? "keep";
  const reassignErrors = state.fieldErrors?.reassignTo;
  const reassignTo = state.values?.reassignTo ?? "";
  return (
    <form action={formAction} className="stacked-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <UserListContextFields context={context} />
      {articleCount > 0 || reassignErrors?.length ? (
        <div className="form-field">
          <label htmlFor="reassign-to">
            Give their {articleCount === 1 ? "article" : articleCount > 1 ? `${articleCount} articles` : "articles"} to
          </label>
          {/* Keyed by its default, so the form reset after a refusal keeps the choice. */}
          <select
            key={reassignTo}
            id="reassign-to"
            name="reassignTo"
            required
            defaultValue={reassignTo}
            aria-invalid={reassignErrors?.length ? true : undefined}
            aria-describedby={reassignErrors?.length ? "reassign-to-error" : "reassign-to-hint"}
          >
            <option value="" disabled>
              Choose an author…
            </option>
            {candidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.displayName} ({candidate.email}, {roleLabels[candidate.role]})
              </option>
            ))}
          </select>
          <p className="form-hint" id="reassign-to-hint">
            {candidates.length === 0
              ? "Nobody can receive them yet: make another user an author first."
              : "Only authors, moderators and admins can receive articles."}
          </p>
          {reassignErrors?.length ? (
            <p className="form-error" id="reassign-to-error">
              {reassignErrors.join(" ")}
            </p>
          ) : null}
        </div>
      ) : null}
      <DeletedCommentsChoice legend="Their comments" selected={comments} />
      <p className="form-hint">This cannot be undone.</p>
      <div className="admin-inline-fields">
        <SubmitButton className="button button-danger" pendingText="Deleting…">
          Delete {displayName}
        </SubmitButton>
        <Link href={cancelHref}>Cancel</Link>
      </div>
    </form>
  );
}
