import Link from "next/link";
import { getSiteSettings } from "@/db/queries/site-settings";

export async function SiteHeader() {
  const settings = await getSiteSettings();
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <p className="site-title">
          <Link href="/">{settings.siteTitle}</Link>
        </p>
        {settings.tagline ? <p className="site-tagline">{settings.tagline}</p> : null}
        <nav aria-label="Main">
          <ul className="site-nav">
            <li>
              <Link href="/">Articles</Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
