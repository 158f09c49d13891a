"use server";

import { z } from "zod";
import { bumpSessionVersion } from "@/db/queries/auth-users";
import { publicAction } from "@/lib/actions/action-wrappers";
import { signOut } from "@/lib/auth/auth";
import { getCurrentUser } from "@/lib/authz";

// Open to everyone so a stale or revoked session can still clear its cookie. Signing out ends
// the user's other sessions too: their cookies carry the old session version.
export const signOutAction = publicAction(z.object({}), async () => {
  const user = await getCurrentUser();
  if (user) await bumpSessionVersion({ userId: user.id });
  await signOut({ redirectTo: "/" });
  return { status: "ok" };
});
