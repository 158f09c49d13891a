import { DateTime } from "@/components/ui/date-time";
import type { UserListItem } from "@/db/queries/user-admin";
import { activeBan } from "@/lib/bans";

// Active, or the ban in force with its end and reason (plain text: React escapes it).
export function UserStatus({ user, now }: { user: UserListItem; now: Date }) {
  const ban = activeBan(user, now);
  if (!ban) return <>Active</>;
  return (
    <>
      <strong className="admin-banned">
        {ban.until ? (
          <>
            Banned until <DateTime date={ban.until} />
          </>
        ) : (
          "Banned permanently"
        )}
      </strong>
      {ban.reason ? <span className="admin-ban-reason">Reason: {ban.reason}</span> : null}
    </>
  );
}
