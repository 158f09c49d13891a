import Link from "next/link";
import type { ArchiveMonthCount } from "@/db/queries/archives";
import { articleCountLabel } from "./article-count-label";
import { archiveMonthLabel, archiveMonthPath } from "@/lib/archive-months";

// Months of one year, newest first, each linking to its archive with its article count.
export function ArchiveMonthList({ months }: { months: ArchiveMonthCount[] }) {
  return (
    <ul className="archive-months">
      {months.map((month) => (
        <li key={`${month.year}-${month.month}`}>
          <Link href={archiveMonthPath(month)}>{archiveMonthLabel(month)}</Link>{" "}
          <span className="archive-count">{`(${articleCountLabel(month.count)})`}</span>
        </li>
      ))}
    </ul>
  );
}
