import type { Metadata } from "next";
import Link from "next/link";
import { ArchiveMonthList } from "@/components/archive/archive-month-list";
import { listArchiveMonths, type ArchiveMonthCount } from "@/db/queries/archives";
import { getSiteSettings } from "@/db/queries/site-settings";
import { archiveYearPath } from "@/lib/archive-months";
import { getDisplayTimeZone } from "@/lib/display-time-zone";
import { socialMetadata } from "@/lib/seo/social-metadata";

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  const title = "Archive";
  const description = `Every article on ${settings.siteTitle}, month by month.`;
  return {
    title,
    description,
    alternates: { canonical: "/archive" },
    ...socialMetadata({ title, description, path: "/archive", siteName: settings.siteTitle }),
  };
}

function byYear(months: ArchiveMonthCount[]): [number, ArchiveMonthCount[]][] {
  const years = new Map<number, ArchiveMonthCount[]>();
  for (const month of months) years.set(month.year, [...(years.get(month.year) ?? []), month]);
  return [...years];
}

export default async function ArchiveIndexPage() {
  const months = await listArchiveMonths({ timeZone: await getDisplayTimeZone() });
  return (
    <div className="listing">
      <h1 className="listing-title">Archive</h1>
      {months.length === 0 ? (
        <p>No articles have been published yet.</p>
      ) : (
        byYear(months).map(([year, yearMonths]) => (
          <section key={year} className="archive-year" aria-labelledby={`archive-${year}`}>
            <h2 id={`archive-${year}`}>
              <Link href={archiveYearPath(year)}>{year}</Link>
            </h2>
            <ArchiveMonthList months={yearMonths} />
          </section>
        ))
      )}
    </div>
  );
}
