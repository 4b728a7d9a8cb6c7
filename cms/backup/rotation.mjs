/*
 * Which backups to keep: the newest of each of the last `daily` days that have a backup, of the
 * last `weekly` ISO weeks (Monday to Sunday) and of the last `monthly` months, all in UTC, and
 * always the newest of all. Pure: it reads names and returns a plan.
 */

const NAME = /^vixenhealth-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.backup$/;

/**
 * The file name of a backup made at `at`: `vixenhealth-20261207T033000Z.backup`.
 * @param {Date} at
 * @example
 * ```js
 * backupFileName(new Date('2026-12-07T03:30:00Z')); // 'vixenhealth-20261207T033000Z.backup'
 * ```
 */
export const backupFileName = (at) =>
  `vixenhealth-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}.backup`;

/**
 * When the backup named `name` was made, or null for any other file.
 * @param {string} name
 * @returns {Date | null}
 */
export const backupTime = (name) => {
  const match = NAME.exec(name);
  if (!match) return null;
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map(Number);
  const at = new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds));
  return backupFileName(at) === name ? at : null;
};

/** @param {Date} at */
const dayOf = (at) => at.toISOString().slice(0, 10);
/** @param {Date} at */
const monthOf = (at) => at.toISOString().slice(0, 7);
/** The ISO week `at` is in, as `2026-W50`. @param {Date} at */
const weekOf = (at) => {
  const thursday = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 3 - ((thursday.getUTCDay() + 6) % 7));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
};

/**
 * @typedef {{ daily: number, weekly: number, monthly: number }} KeepPolicy
 * @typedef {'newest' | 'daily' | 'weekly' | 'monthly'} KeepReason
 * @typedef {{ keep: { name: string, reasons: KeepReason[] }[], remove: string[] }} RotationPlan
 */

/**
 * Which of the files in a backup folder to keep and which to delete. Files that are not backups
 * by their name are in neither list.
 * @param {string[]} names
 * @param {KeepPolicy} policy
 * @returns {RotationPlan} both lists newest first
 * @example
 * ```js
 * const { remove } = planRotation(await readdir(dir), { daily: 7, weekly: 4, monthly: 12 });
 * ```
 */
export const planRotation = (names, policy) => {
  const backups = names
    .map((name) => ({ name, at: backupTime(name) }))
    .filter(/** @returns {b is { name: string, at: Date }} */ (b) => b.at !== null)
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.name < b.name ? 1 : -1));
  /** @type {Map<string, KeepReason[]>} */
  const reasons = new Map();
  /** @param {string} name @param {KeepReason} reason */
  const keep = (name, reason) => reasons.set(name, [...(reasons.get(name) ?? []), reason]);

  if (backups.length > 0) keep(backups[0].name, 'newest');
  /** @param {number} count @param {(at: Date) => string} periodOf @param {KeepReason} reason */
  const newestOfEach = (count, periodOf, reason) => {
    const periods = new Set();
    for (const { name, at } of backups) {
      if (periods.size >= count) break;
      const period = periodOf(at);
      if (periods.has(period)) continue;
      periods.add(period);
      keep(name, reason);
    }
  };
  newestOfEach(policy.daily, dayOf, 'daily');
  newestOfEach(policy.weekly, weekOf, 'weekly');
  newestOfEach(policy.monthly, monthOf, 'monthly');

  return {
    keep: backups
      .filter(({ name }) => reasons.has(name))
      .map(({ name }) => ({ name, reasons: /** @type {KeepReason[]} */ (reasons.get(name)) })),
    remove: backups.filter(({ name }) => !reasons.has(name)).map(({ name }) => name),
  };
};
