"use client";

import { BanFields } from "@/components/forms/ban-fields";
import { FormMessage } from "@/components/forms/form-message";
import type { ActionState } from "@/lib/actions/action-state";
import type { ModerationView } from "./moderation-view";
import { ModerationViewFields } from "./moderation-view-fields";

// Bans whoever wrote the comment; the server decides whether this moderator may.
export function BanAuthorForm({
  commentId,
  authorName,
  alreadyBanned,
  view,
  state,
  action,
}: {
  commentId: number;
  authorName: string;
  alreadyBanned: boolean;
  view: ModerationView;
  state: ActionState;
  action: (formData: FormData) => void;
}) {
  return (
    <form action={action} className="admin-action-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="commentId" value={commentId} />
      <ModerationViewFields view={view} />
      <BanFields
        fieldKey={commentId}
        reasonLabel="Reason (optional)"
        defaultDuration="permanent"
        submitText={alreadyBanned ? `Replace the ban on ${authorName}` : `Ban ${authorName}`}
        state={state}
      />
    </form>
  );
}
