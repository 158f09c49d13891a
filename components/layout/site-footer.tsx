import { getSiteSettings } from "@/db/queries/site-settings";

export async function SiteFooter() {
  const settings = await getSiteSettings();
  return (
    <footer className="site-footer">
      <p>
        {settings.siteTitle}: {settings.tagline}
      </p>
    </footer>
  );
}
