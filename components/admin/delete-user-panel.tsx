import Link from "next/link";
import { getSessionUserById } from "@/db/queries/auth-users";
import type { UserListItem } from "@/db/queries/user-admin";
import { DeleteUserForm } from "./delete-user-form";
import { findListedUser, listReassignmentCandidates } from "./reassignment-candidates";
import { roleLabels } from "./role-labels";
import { userListHref, type UserListContext } from "./user-list-href";

// The confirmation step for deleting a user (?delete=<id>), shown above the list.
export async function DeleteUserPanel({
  userId,
  currentUserId,
  listed,
  context,
}: {
  userId: number;
  currentUserId: number;
  // The user's row when it is on the page being shown (saves looking it up).
  listed: UserListItem | undefined;
  context: UserListContext;
}) {
  const cancelHref = userListHref(context);
  const target = await getSessionUserById({ id: userId });
  const entry = target ? (listed ?? (await findListedUser({ id: target.id, email: target.email }))) : null;
  if (!target || !entry) {
    return (
      <section className="admin-panel" id="delete-user" aria-labelledby="delete-user-heading">
        <h2 id="delete-user-heading">Delete user</h2>
        <p>That user no longer exists.</p>
        <p>
          <Link href={cancelHref}>Back to the list</Link>
        </p>
      </section>
    );
  }
  if (target.id === currentUserId) {
    return (
      <section className="admin-panel" id="delete-user" aria-labelledby="delete-user-heading">
        <h2 id="delete-user-heading">Delete your own account?</h2>
        <p>You cannot change your own account here; use another admin account.</p>
        <p>
          <Link href={cancelHref}>Back to the list</Link>
        </p>
      </section>
    );
  }
  // Loaded even without articles: if some were written meanwhile, the refusal shows the select.
  const candidates = await listReassignmentCandidates({ exceptUserId: target.id });
  return (
    <section className="admin-panel" id="delete-user" aria-labelledby="delete-user-heading">
      <h2 id="delete-user-heading">Delete {target.displayName}?</h2>
      <p>
        {target.email} · {roleLabels[target.role]} ·{" "}
        {entry.articleCount === 1 ? "1 article" : `${entry.articleCount} articles`}
      </p>
      <DeleteUserForm
        userId={target.id}
        displayName={target.displayName}
        articleCount={entry.articleCount}
        candidates={candidates}
        context={context}
        cancelHref={cancelHref}
      />
    </section>
  );
}
