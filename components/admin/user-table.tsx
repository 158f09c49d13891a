import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import type { UserListItem } from "@/db/queries/user-admin";
import { activeBan } from "@/lib/bans";
import { roleLabels } from "./role-labels";
import { UserActions } from "./user-actions";
import { userListHref, type UserListContext } from "./user-list-href";
import { UserStatus } from "./user-status";
import { currentTime } from "@/lib/clock";

export function UserTable({
  users,
  caption,
  currentUserId,
  context,
}: {
  users: UserListItem[];
  caption: string;
  currentUserId: number;
  context: UserListContext;
}) {
  const now = currentTime();
  return (
    <div className="admin-table-scroll">
      <table className="admin-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Joined</th>
            <th scope="col" className="admin-number">
              Articles
            </th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const banned = activeBan(user, now) !== null;
            return (
              <tr key={user.id}>
                <th scope="row">{user.displayName}</th>
                <td className="admin-email">{user.email}</td>
                <td>{roleLabels[user.role]}</td>
                <td>
                  <UserStatus user={user} now={now} />
                </td>
                <td>
                  <DateTime date={user.createdAt} />
                </td>
                <td className="admin-number">{user.articleCount}</td>
                <td>
                  {user.id === currentUserId ? (
                    <span className="admin-self">
                      You (<Link href="/account">your account</Link>)
                    </span>
                  ) : (
                    // Keyed by what the forms show, so a change gives them fresh defaults.
                    <UserActions
                      key={`${user.role}-${banned}`}
                      user={{ id: user.id, displayName: user.displayName, email: user.email, role: user.role, banned }}
                      context={context}
                      deleteHref={`${userListHref(context, { delete: String(user.id) })}#delete-user`}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
