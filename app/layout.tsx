import type { Metadata } from "next";
import { connection } from "next/server";
import { getSiteSettings } from "@/db/queries/site-settings";
import { getConfig } from "@/lib/config";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const settings = await getSiteSettings();
  return {
    metadataBase: new URL(getConfig().siteUrl),
    title: { default: settings.siteTitle, template: `%s | ${settings.siteTitle}` },
    description: settings.tagline,
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Pages read SQLite synchronously; this keeps every route out of build-time prerendering.
  await connection();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
