import { desc } from "drizzle-orm";
import { monthOf, type ArchiveMonth } from "../../lib/archive-months";
import { cacheTags, recordCacheTags } from "../../lib/cache-tags";
import { currentTime } from "../../lib/clock";
import { getDb } from "../client";
import { articles } from "../schema";
import { isVisibleToReaders } from "./article-visibility";

export type ArchiveMonthCount = ArchiveMonth & { count: number; lastModified: Date };

// Every month with at least one reader-visible article, newest first, with its article count and
// latest change (for the sitemap). Months are calendar months in `timeZone`, which SQLite cannot
// compute, so the visible articles' dates are read (through the partial listing index) and grouped
// here. Any article appearing, disappearing or being re-dated invalidates the listing tag.
export async function listArchiveMonths({
  timeZone,
  now = currentTime(),
}: {
  timeZone: string;
  now?: Date;
}): Promise<ArchiveMonthCount[]> {
  const rows = getDb()
    .select({ publishedAt: articles.publishedAt, updatedAt: articles.updatedAt })
    .from(articles)
    .where(isVisibleToReaders(now))
    .orderBy(desc(articles.publishedAt))
    .all();
  recordCacheTags(cacheTags.articleListing);
  const months: ArchiveMonthCount[] = [];
  for (const row of rows) {
    if (!row.publishedAt) continue;
    const { year, month } = monthOf(row.publishedAt, timeZone);
    const changed = row.updatedAt > row.publishedAt ? row.updatedAt : row.publishedAt;
    const last = months.at(-1);
    if (last && last.year === year && last.month === month) {
      last.count += 1;
      if (changed > last.lastModified) last.lastModified = changed;
    } else {
      months.push({ year, month, count: 1, lastModified: changed });
    }
  }
  return months;
}
