import Link from "next/link";
import { getSiteSettings } from "@/db/queries/site-settings";

export async function SiteFooter() {
  const settings = await getSiteSettings();
  return (
    <footer className="site-footer">
      <nav aria-label="Browse">
        <ul className="footer-nav">
          <li>
            <Link href="/archive">Archive</Link>
          </li>
          <li>
            <Link href="/tags">Tags</Link>
          </li>
        </ul>
      </nav>
      <p>
        {settings.siteTitle}: {settings.tagline}
      </p>
    </footer>
  );
}
