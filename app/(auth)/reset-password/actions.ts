"use server";

import { z } from "zod";
import { getSessionUserById } from "@/db/queries/auth-users";
import { findValidOneTimeToken } from "@/db/queries/one-time-tokens";
import { resetPasswordWithToken } from "@/db/queries/password-reset";
import { publicAction } from "@/lib/actions/action-wrappers";
import { signIn } from "@/lib/auth/auth";
import { hashPassword, MAX_PASSWORD_LENGTH, passwordProblem } from "@/lib/auth/passwords";

const resetSchema = z.object({
  token: z.string().min(1).max(200),
  password: z.string().max(MAX_PASSWORD_LENGTH),
});

const expired = { status: "error", message: "This reset link has expired or was already used. Ask an admin for a new one." } as const;

export const resetPasswordAction = publicAction(resetSchema, async ({ token, password }) => {
  const valid = await findValidOneTimeToken({ purpose: "password-reset", token });
  const user = valid?.userId ? await getSessionUserById({ id: valid.userId }) : null;
  if (!user) return expired;
  const problem = passwordProblem(password, { email: user.email, displayName: user.displayName });
  if (problem) return { status: "invalid", message: "Please correct the highlighted fields.", fieldErrors: { password: [problem] } };
  const reset = await resetPasswordWithToken({ token, passwordHash: await hashPassword(password) });
  if (!reset) return expired;
  await signIn("credentials", { email: reset.email, password, redirectTo: "/account?saved=password" });
  return { status: "ok" };
});
