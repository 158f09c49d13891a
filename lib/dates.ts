const formatters = new Map<string, Intl.DateTimeFormat>();

// Dates are shown in the site's time zone (SITE_TIME_ZONE), whatever the server's own zone is.
export function formatDisplayDate(date: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(date);
}

const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

// "August 3, 2021 at 10:15 AM", for comments, where the time of day matters.
export function formatDisplayDateTime(date: Date, timeZone: string): string {
  let formatter = dateTimeFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeStyle: "short", timeZone });
    dateTimeFormatters.set(timeZone, formatter);
  }
  return formatter.format(date);
}

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

// "ja" → "Japanese"; an unknown or malformed tag is shown as given.
export function languageName(tag: string): string {
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
