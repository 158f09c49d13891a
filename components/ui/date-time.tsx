import { getConfig } from "@/lib/config";
import { formatDisplayDate, formatDisplayDateTime } from "@/lib/dates";

export function DateTime({ date, withTime = false }: { date: Date; withTime?: boolean }) {
  const timeZone = getConfig().timeZone;
  return (
    <time dateTime={date.toISOString()}>
      {withTime ? formatDisplayDateTime(date, timeZone) : formatDisplayDate(date, timeZone)}
    </time>
  );
}
