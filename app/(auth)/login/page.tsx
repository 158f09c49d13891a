import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getCurrentUser } from "@/lib/authz";
import type { SearchParams } from "@/lib/route-params";
import { safeReturnPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <div className="narrow-page">
      <h1>Sign in</h1>
      <LoginForm callbackUrl={callbackUrl} />
    </div>
  );
}
