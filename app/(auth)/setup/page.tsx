import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { countAdmins } from "@/db/queries/auth-users";
import { findValidOneTimeToken } from "@/db/queries/one-time-tokens";
import type { SearchParams } from "@/lib/route-params";

export const metadata: Metadata = { title: "Set up your site", robots: { index: false } };

// Reached through the one-time link `npm start` prints while no admin exists. The server
// answers 404 before rendering once the link is used or an admin exists (lib/page-existence.ts).
export default async function SetupPage({ searchParams }: { searchParams: SearchParams }) {
  const token = (await searchParams).token;
  if (typeof token !== "string" || (await countAdmins()) > 0 || !(await findValidOneTimeToken({ purpose: "setup", token }))) {
    notFound();
  }
  return (
    <div className="narrow-page">
      <h1>Set up your site</h1>
      <p>Create the first admin account. This link works once.</p>
      <SetupForm token={token} />
    </div>
  );
}
