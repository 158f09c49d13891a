import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { countPendingComments } from "@/db/queries/comment-moderation";
import { getSiteSettings } from "@/db/queries/site-settings";
import { can, getCurrentUser, hasRole } from "@/lib/authz";

// Anonymous visitors all get the same header (so pages stay cacheable); a signed-in visitor's
// pages are rendered per request and show their own links.
export async function SiteHeader() {
  const [settings, user] = await Promise.all([getSiteSettings(), getCurrentUser()]);
  // Only signed-in moderators' pages show it, and those are never cached, so it is always current.
  const pending = can(user, "comment:moderate") ? await countPendingComments() : null;
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <p className="site-title">
          <Link href="/">{settings.siteTitle}</Link>
        </p>
        {settings.tagline ? <p className="site-tagline">{settings.tagline}</p> : null}
        <nav aria-label="Main">
          <ul className="site-nav">
            <li>
              <Link href="/">Articles</Link>
            </li>
            <li>
              <Link href="/search">Search</Link>
            </li>
            {user ? (
              <>
                {pending !== null ? (
                  <li>
                    <Link href="/moderation">
                      Moderation ({pending.toLocaleString("en-US")})
                      <span className="visually-hidden"> {pending === 1 ? "comment" : "comments"} awaiting moderation</span>
                    </Link>
                  </li>
                ) : null}
                {hasRole(user, "author") ? (
                  <li>
                    <Link href="/dashboard">Dashboard</Link>
                  </li>
                ) : null}
                {hasRole(user, "admin") ? (
                  <>
                    <li>
                      <Link href="/admin/users">Users</Link>
                    </li>
                    <li>
                      <Link href="/admin/settings">Settings</Link>
                    </li>
                  </>
                ) : null}
                <li>
                  <Link href="/account">{user.displayName}</Link>
                </li>
                <li>
                  <SignOutButton />
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link href="/login">Sign in</Link>
                </li>
                <li>
                  <Link href="/register">Register</Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
