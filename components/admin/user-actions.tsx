"use client";

import Link from "next/link";
import { useActionState } from "react";
import { banUserAction, changeRoleAction, makeResetLinkAction, unbanUserAction } from "@/app/(studio)/admin/users/actions";
import { idleState } from "@/lib/actions/action-state";
import { BanForm } from "./ban-form";
import type { ManagedUser } from "./managed-user";
import { ResetLinkForm } from "./reset-link-form";
import { RoleForm } from "./role-form";
import { UnbanForm } from "./unban-form";
import type { UserListContext } from "./user-list-href";

// One user's actions, folded away in a disclosure. It opens by itself when one of its forms
// has a result, so a refusal is visible after a full-page post without JavaScript too.
export function UserActions({
  user,
  context,
  deleteHref,
}: {
  user: ManagedUser;
  context: UserListContext;
  deleteHref: string;
}) {
  const [roleState, roleAction] = useActionState(changeRoleAction, idleState);
  const [banState, banAction] = useActionState(banUserAction, idleState);
  const [unbanState, unbanAction] = useActionState(unbanUserAction, idleState);
  const [resetState, resetAction] = useActionState(makeResetLinkAction, idleState);
  const hasResult = [roleState, banState, unbanState, resetState].some((state) => state.status !== "idle");
  return (
    <details className="admin-user-actions" open={hasResult || undefined}>
      <summary>
        Manage<span className="visually-hidden"> {user.displayName}</span>
      </summary>
      <div className="admin-action-list">
        <RoleForm user={user} context={context} state={roleState} action={roleAction} />
        <BanForm user={user} context={context} state={banState} action={banAction} />
        {user.banned ? <UnbanForm user={user} context={context} state={unbanState} action={unbanAction} /> : null}
        <ResetLinkForm user={user} state={resetState} action={resetAction} />
        <p className="admin-delete-link">
          <Link href={deleteHref}>
            Delete…<span className="visually-hidden"> {user.displayName}</span>
          </Link>
        </p>
      </div>
    </details>
  );
}
