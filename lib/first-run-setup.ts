import { countAdmins } from "../db/queries/auth-users";
import { issueOneTimeToken } from "../db/queries/one-time-tokens";

const SETUP_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

// No default passwords: while the site has no admin, each start prints a fresh one-time link
// to create the first one (earlier links stop working).
export async function setupLinkIfNoAdmin(siteUrl: string): Promise<string | null> {
  if ((await countAdmins()) > 0) return null;
  const token = await issueOneTimeToken({ purpose: "setup", validForMs: SETUP_LINK_LIFETIME_MS });
  return `${siteUrl}/setup?token=${token}`;
}
