import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { RegisterForm } from "@/components/auth/register-form";
import { getCurrentUser } from "@/lib/authz";
import type { SearchParams } from "@/lib/route-params";
import { safeReturnPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Register", robots: { index: false } };

export default async function RegisterPage({ searchParams }: { searchParams: SearchParams }) {
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <div className="narrow-page">
      <h1>Register</h1>
      <p>Create a reader account to join the conversation.</p>
      <RegisterForm callbackUrl={callbackUrl} />
    </div>
  );
}
