/**
 * `BACKUP_TIME` as hours and minutes of the UTC day.
 * @param {string} text `HH:MM`, 24-hour, UTC
 * @returns {{ hours: number, minutes: number }}
 */
export const parseBackupTime = (text) => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 23 || minutes > 59) {
    throw new TypeError(`BACKUP_TIME must be HH:MM in UTC (e.g. 03:30), not "${text}".`);
  }
  return { hours, minutes };
};

/**
 * The next moment after `now` at `time` (UTC): today's if it is still ahead, else tomorrow's.
 * @param {Date} now @param {string} time `HH:MM`
 * @returns {Date}
 * @example
 * ```js
 * nextRunAt(new Date('2026-12-07T19:00:00Z'), '03:30'); // 2026-12-08T03:30:00.000Z
 * ```
 */
export const nextRunAt = (now, time) => {
  const { hours, minutes } = parseBackupTime(time);
  const next = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hours, minutes)
  );
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
};
