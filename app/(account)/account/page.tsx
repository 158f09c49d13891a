import type { Metadata } from "next";
import Link from "next/link";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { PasswordForm } from "@/components/account/password-form";
import { ProfileForm } from "@/components/account/profile-form";
import { requireUser } from "@/lib/authz";
import { formatBanMessage } from "@/lib/ban-message";
import { getDisplayTimeZone } from "@/lib/display-time-zone";
import type { SearchParams } from "@/lib/route-params";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

const savedMessages: Record<string, string> = {
  profile: "Your profile was saved.",
  password: "Your password was changed. Other sessions were signed out.",
};

export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser({ returnTo: "/account", allowBanned: true });
  const saved = (await searchParams).saved;
  const savedMessage = typeof saved === "string" ? savedMessages[saved] : undefined;
  return (
    <div className="narrow-page">
      <h1>Your account</h1>
      <div aria-live="polite" role="status">
        {savedMessage ? <p className="form-message form-message-ok">{savedMessage}</p> : null}
      </div>
      {user.ban ? <p className="form-message form-message-error">{formatBanMessage(user.ban, await getDisplayTimeZone())}</p> : null}
      <p>
        Signed in as <strong>{user.email}</strong> ({user.role}).
      </p>
      <p>
        <Link href="/account/comments">Your comments</Link>, and what became of each.
      </p>
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <ProfileForm displayName={user.displayName} bio={user.bio} />
      </section>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        <PasswordForm />
      </section>
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete your account</h2>
        <DeleteAccountForm />
      </section>
    </div>
  );
}
