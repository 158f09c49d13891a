import { formatDisplayDate, formatDisplayDateTime } from "@/lib/dates";
import { getDisplayTimeZone } from "@/lib/display-time-zone";

export async function DateTime({ date, withTime = false }: { date: Date; withTime?: boolean }) {
  const timeZone = await getDisplayTimeZone();
  return (
    <time dateTime={date.toISOString()}>
      {withTime ? formatDisplayDateTime(date, timeZone) : formatDisplayDate(date, timeZone)}
    </time>
  );
}
