import type { Metadata } from "next";
import { connection } from "next/server";
import { getSiteSettings } from "@/db/queries/site-settings";
import { getConfig } from "@/lib/config";
import { feedAlternateTypes } from "@/lib/feeds/site-feeds";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const settings = await getSiteSettings();
  return {
    metadataBase: new URL(getConfig().siteUrl),
    title: { default: settings.siteTitle, template: `%s | ${settings.siteTitle}` },
    description: settings.tagline,
    // The site's feeds; pages that set their own `alternates` list them again (lib/feeds).
    alternates: { types: feedAlternateTypes(settings.siteTitle) },
    // Defaults for pages that set no social tags of their own (reader pages set both).
    openGraph: { siteName: settings.siteTitle, type: "website", locale: "en_US" },
    twitter: { card: "summary" },
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
