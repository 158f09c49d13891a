"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getPasswordHash, setUserPassword } from "@/db/queries/auth-users";
import { deleteUser } from "@/db/queries/user-admin";
import { updateUserProfile } from "@/db/queries/users";
import { accountAction, userAction } from "@/lib/actions/action-wrappers";
import { signIn, signOut } from "@/lib/auth/auth";
import { hashPassword, MAX_PASSWORD_LENGTH, passwordProblem, verifyPassword } from "@/lib/auth/passwords";

const profileSchema = z.object({
  displayName: z.string().trim().min(1, "Enter a display name.").max(60, "Use at most 60 characters."),
  bio: z.string().trim().max(2000, "Use at most 2,000 characters."),
});

// A banned user may not change what others see of them (name, bio) until the ban ends.
export const updateProfileAction = userAction(profileSchema, async ({ displayName, bio }, { user }) => {
  await updateUserProfile({ userId: user.id, displayName, bio });
  redirect("/account?saved=profile");
});

const passwordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(1000),
  newPassword: z.string().max(MAX_PASSWORD_LENGTH),
});

export const changePasswordAction = accountAction(passwordSchema, async ({ currentPassword, newPassword }, { user }) => {
  if (!(await verifyPassword(await getPasswordHash({ userId: user.id }), currentPassword))) {
    return { status: "invalid", message: "Please correct the highlighted fields.", fieldErrors: { currentPassword: ["That is not your current password."] } };
  }
  const problem = passwordProblem(newPassword, { email: user.email, displayName: user.displayName });
  if (problem) return { status: "invalid", message: "Please correct the highlighted fields.", fieldErrors: { newPassword: [problem] } };
  // The new session version signs out every other session; signing in again keeps this one.
  await setUserPassword({ userId: user.id, passwordHash: await hashPassword(newPassword) });
  await signIn("credentials", { email: user.email, password: newPassword, redirectTo: "/account?saved=password" });
  return { status: "ok" };
});

const deleteSchema = z.object({
  password: z.string().min(1, "Enter your password to confirm.").max(1000),
  comments: z.enum(["keep", "remove"]),
});

export const deleteOwnAccountAction = accountAction(deleteSchema, async ({ password, comments }, { user }) => {
  if (!(await verifyPassword(await getPasswordHash({ userId: user.id }), password))) {
    return { status: "invalid", message: "Please correct the highlighted fields.", fieldErrors: { password: ["That is not your password."] } };
  }
  const result = await deleteUser({ userId: user.id, comments });
  if (!result.ok) {
    const messages = {
      "last-admin": "You are the only admin. Make someone else an admin before deleting your account.",
      "needs-reassignment": "Your account has articles. Ask an admin to move them to another author first.",
      "invalid-reassignment": "Your articles could not be moved.",
      "not-found": "Your account no longer exists.",
    } as const;
    return { status: "error", message: messages[result.reason] };
  }
  await signOut({ redirectTo: "/" });
  return { status: "ok" };
});
