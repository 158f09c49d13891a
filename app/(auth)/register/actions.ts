"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { createUser } from "@/db/queries/auth-users";
import { publicAction } from "@/lib/actions/action-wrappers";
import { signIn } from "@/lib/auth/auth";
import { hashPassword, MAX_PASSWORD_LENGTH, passwordProblem } from "@/lib/auth/passwords";
import { logRegistration } from "@/lib/audit-log";
import { clientIpFrom } from "@/lib/client-ip";
import { formatWait, recordAttempt } from "@/lib/rate-limits";
import { safeReturnPath } from "@/lib/safe-redirect";

const registrationSchema = z.object({
  displayName: z.string().trim().min(1, "Enter the name to show with your comments.").max(60, "Use at most 60 characters."),
  email: z.email("Enter a valid email address.").trim().max(320),
  password: z.string().max(MAX_PASSWORD_LENGTH),
  callbackUrl: z.string().optional(),
});

export const registerAction = publicAction(registrationSchema, async ({ displayName, email, password, callbackUrl }) => {
  const values = { displayName, email, callbackUrl: callbackUrl ?? "" };
  const problem = passwordProblem(password, { email, displayName });
  if (problem) return { status: "invalid", message: "Please correct the highlighted fields.", fieldErrors: { password: [problem] }, values };

  const ip = clientIpFrom(await headers());
  const wait = await recordAttempt("registrationIp", ip);
  if (wait > 0) return { status: "error", message: `Too many registrations from your network. Try again in ${formatWait(wait)}.`, values };

  const created = await createUser({ email, displayName, passwordHash: await hashPassword(password), role: "reader" });
  if (!created.ok) {
    return {
      status: "invalid",
      message: "Please correct the highlighted fields.",
      fieldErrors: { email: ["An account with this email already exists. Sign in instead."] },
      values,
    };
  }
  logRegistration({ userId: created.id, ip });
  await signIn("credentials", { email, password, redirectTo: safeReturnPath(callbackUrl) });
  return { status: "ok" };
});
