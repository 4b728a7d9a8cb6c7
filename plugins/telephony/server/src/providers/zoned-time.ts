const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/** How far `timeZone`'s wall clock is ahead of UTC at `date`, in milliseconds. */
const offsetAt = (date: Date, timeZone: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(date)
      .map((part) => [part.type, Number(part.value)])
  ) as Record<string, number>;
  const wall = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!
  );
  return wall - Math.floor(date.getTime() / 1000) * 1000;
};

/**
 * The instant a `YYYY-MM-DD HH:mm:ss` wall-clock time names in `timeZone` (Zadarma writes times
 * in the account's zone, without an offset); null when it is not such a time.
 */
export const zonedTime = (wall: string, timeZone: string): Date | null => {
  const match = WALL_TIME.exec(wall);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as number[];
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  // Twice, so a time next to a daylight-saving change takes the offset in force at it.
  const first = asUtc - offsetAt(new Date(asUtc), timeZone);
  const time = asUtc - offsetAt(new Date(first), timeZone);
  return Number.isNaN(time) ? null : new Date(time);
};
