// A datetime-local field ("2030-05-01T09:30") holds a wall-clock time without a zone; the editor
// interprets it in the site's time zone (the timeZone setting, or SITE_TIME_ZONE).

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallClockIn(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function asUtc(clock: WallClock): number {
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}

// How far the zone's clocks are ahead of UTC at that instant, in milliseconds.
function zoneOffset(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return asUtc(wallClockIn(whole, timeZone)) - whole;
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

// The instant a wall-clock time in `timeZone` names, or null when the text is not a valid
// datetime-local value. A time skipped by a daylight-saving change moves forward by the gap.
export function parseZonedDateTime(local: string, timeZone: string): Date | null {
  const match = localPattern.exec(local.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wanted = { year, month, day, hour, minute, second };
  const target = asUtc(wanted);
  const check = new Date(target);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  let instant = target - zoneOffset(target, timeZone);
  instant = target - zoneOffset(instant, timeZone);
  return new Date(instant);
}

// The datetime-local value ("2030-05-01T09:30") showing `date` in `timeZone`.
export function formatZonedDateTimeInput(date: Date, timeZone: string): string {
  const clock = wallClockIn(date.getTime(), timeZone);
  const pad = (value: number, length = 2) => String(value).padStart(length, "0");
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}`;
}
