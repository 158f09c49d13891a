"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/lib/actions/action-wrappers";
import { signIn } from "@/lib/auth/auth";
import { signInWaitSeconds } from "@/lib/auth/credentials";
import { clientIpFrom } from "@/lib/client-ip";
import { formatWait } from "@/lib/rate-limits";
import { safeReturnPath } from "@/lib/safe-redirect";

const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(320),
  password: z.string().min(1, "Enter your password.").max(1000),
  callbackUrl: z.string().optional(),
});

export const signInAction = publicAction(signInSchema, async ({ email, password, callbackUrl }) => {
  try {
    // On success this redirects (a thrown NEXT_REDIRECT), to a same-site path only.
    await signIn("credentials", { email, password, redirectTo: safeReturnPath(callbackUrl) });
    return { status: "ok" };
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const wait = await signInWaitSeconds(email, clientIpFrom(await headers()));
    return {
      status: "error",
      message:
        wait > 0
          ? `Too many failed sign-in attempts. Try again in ${formatWait(wait)}.`
          : "The email or password is incorrect.",
      values: { email, callbackUrl: callbackUrl ?? "" },
    };
  }
});
