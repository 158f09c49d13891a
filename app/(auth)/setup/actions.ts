"use server";

import { z } from "zod";
import { createFirstAdmin } from "@/db/queries/first-admin";
import { publicAction } from "@/lib/actions/action-wrappers";
import { signIn } from "@/lib/auth/auth";
import { hashPassword, MAX_PASSWORD_LENGTH, passwordProblem } from "@/lib/auth/passwords";

const setupSchema = z.object({
  token: z.string().min(1).max(200),
  displayName: z.string().trim().min(1, "Enter your name.").max(60, "Use at most 60 characters."),
  email: z.email("Enter a valid email address.").trim().max(320),
  password: z.string().max(MAX_PASSWORD_LENGTH),
});

export const createFirstAdminAction = publicAction(setupSchema, async ({ token, displayName, email, password }) => {
  const values = { displayName, email, token };
  const problem = passwordProblem(password, { email, displayName });
  if (problem) return { status: "invalid", message: "Please correct the highlighted fields.", fieldErrors: { password: [problem] }, values };
  const result = await createFirstAdmin({ token, email, displayName, passwordHash: await hashPassword(password) });
  if (!result.ok) {
    if (result.reason === "email-taken") {
      return { status: "invalid", message: "Please correct the highlighted fields.", fieldErrors: { email: ["An account with this email already exists."] }, values };
    }
    return { status: "error", message: "This setup link is no longer valid. Restart the server for a new one." };
  }
  await signIn("credentials", { email, password, redirectTo: "/account" });
  return { status: "ok" };
});
