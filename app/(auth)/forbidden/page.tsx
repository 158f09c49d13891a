import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/lib/authz";
import { formatBanMessage } from "@/lib/ban-message";
import { getDisplayTimeZone } from "@/lib/display-time-zone";

export const metadata: Metadata = { title: "Not allowed", robots: { index: false } };

// Where page guards send signed-in users who may not see a page; the server answers it with 403.
export default async function ForbiddenPage() {
  const user = await getCurrentUser();
  return (
    <div className="narrow-page">
      <h1>You do not have access to this page</h1>
      {user?.ban ? <p>{formatBanMessage(user.ban, await getDisplayTimeZone())}</p> : <p>Your account does not have permission to see it.</p>}
      <p>
        <Link href="/">Go to the latest articles</Link>
      </p>
    </div>
  );
}
