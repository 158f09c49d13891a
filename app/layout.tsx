import type { Metadata } from "next";
import { connection } from "next/server";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
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
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
