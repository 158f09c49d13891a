import { formatZonedDateTimeInput, parseZonedDateTime } from "./articles/schedule-time";

export type ArchiveMonth = { year: number; month: number };

const monthNames = new Intl.DateTimeFormat("en-US", { month: "long", timeZone: "UTC" });

const pad = (value: number, length = 2) => String(value).padStart(length, "0");

// "/archive/2021/08": the path of a month's archive page.
export function archiveMonthPath({ year, month }: ArchiveMonth): string {
  return `/archive/${pad(year, 4)}/${pad(month)}`;
}

export function archiveYearPath(year: number): string {
  return `/archive/${pad(year, 4)}`;
}

// "August 2021".
export function archiveMonthLabel({ year, month }: ArchiveMonth): string {
  return `${monthNames.format(new Date(Date.UTC(2000, month - 1, 1)))} ${year}`;
}

// The calendar month `date` falls in, on the wall clock of `timeZone`.
export function monthOf(date: Date, timeZone: string): ArchiveMonth {
  const local = formatZonedDateTimeInput(date, timeZone);
  return { year: Number(local.slice(0, 4)), month: Number(local.slice(5, 7)) };
}

// The instants [start, end) of a calendar month in `timeZone`: from its first midnight to the next
// month's, so an article belongs to the month its date is shown in.
export function monthRange({ year, month }: ArchiveMonth, timeZone: string): { start: Date; end: Date } {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  const start = parseZonedDateTime(`${pad(year, 4)}-${pad(month)}-01T00:00`, timeZone);
  const end = parseZonedDateTime(`${pad(next.year, 4)}-${pad(next.month)}-01T00:00`, timeZone);
  if (!start || !end) throw new Error(`invalid month ${year}-${month}`);
  return { start, end };
}

export function yearRange(year: number, timeZone: string): { start: Date; end: Date } {
  return { start: monthRange({ year, month: 1 }, timeZone).start, end: monthRange({ year, month: 12 }, timeZone).end };
}

// URL segments: a four-digit year from 1000 (up to 9998, so the next year's start is still a
// four-digit date), a two-digit month 01–12; anything else never exists.
export function parseArchiveYear(segment: string): number | null {
  return /^[1-9][0-9]{3}$/.test(segment) && segment !== "9999" ? Number(segment) : null;
}

export function parseArchiveMonth(yearSegment: string, monthSegment: string): ArchiveMonth | null {
  const year = parseArchiveYear(yearSegment);
  if (year === null || !/^(0[1-9]|1[0-2])$/.test(monthSegment)) return null;
  return { year, month: Number(monthSegment) };
}
