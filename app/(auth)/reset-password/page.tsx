import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { findValidOneTimeToken } from "@/db/queries/one-time-tokens";
import type { SearchParams } from "@/lib/route-params";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false } };

// Reached through a reset link from an admin or `npm run user -- reset-link`. A used or expired
// link answers 404 before rendering (lib/page-existence.ts).
export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const token = (await searchParams).token;
  if (typeof token !== "string" || !(await findValidOneTimeToken({ purpose: "password-reset", token }))) notFound();
  return (
    <div className="narrow-page">
      <h1>Choose a new password</h1>
      <ResetPasswordForm token={token} />
    </div>
  );
}
