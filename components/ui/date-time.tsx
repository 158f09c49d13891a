import { getConfig } from "@/lib/config";
import { formatDisplayDate } from "@/lib/dates";

export function DateTime({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{formatDisplayDate(date, getConfig().timeZone)}</time>;
}
