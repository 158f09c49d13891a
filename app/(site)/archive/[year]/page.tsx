import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArchiveMonthList } from "@/components/archive/archive-month-list";
import { listArchiveMonths } from "@/db/queries/archives";
import { getSiteSettings } from "@/db/queries/site-settings";
import { archiveYearPath, parseArchiveYear } from "@/lib/archive-months";
import { getDisplayTimeZone } from "@/lib/display-time-zone";
import { socialMetadata } from "@/lib/seo/social-metadata";

type Params = Promise<{ year: string }>;

// The months of a year that have articles; a year without any does not exist.
const loadYear = cache(async (segment: string) => {
  const year = parseArchiveYear(segment);
  if (year === null) notFound();
  const months = (await listArchiveMonths({ timeZone: await getDisplayTimeZone() })).filter((month) => month.year === year);
  if (months.length === 0) notFound();
  return { year, months };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { year } = await loadYear((await params).year);
  const settings = await getSiteSettings();
  const title = `Archive: ${year}`;
  const description = `Articles published on ${settings.siteTitle} in ${year}, month by month.`;
  const path = archiveYearPath(year);
  return {
    title,
    description,
    alternates: { canonical: path },
    ...socialMetadata({ title, description, path, siteName: settings.siteTitle }),
  };
}

export default async function ArchiveYearPage({ params }: { params: Params }) {
  const { year, months } = await loadYear((await params).year);
  return (
    <div className="listing">
      <p className="breadcrumb">
        <Link href="/archive">Archive</Link>
      </p>
      <h1 className="listing-title">Archive: {year}</h1>
      <ArchiveMonthList months={months} />
    </div>
  );
}
