import path from 'node:path';

/**
 * @typedef {import('./database.mjs').DatabaseTarget} DatabaseTarget
 * @typedef {import('./archive.mjs').FolderName} FolderName
 * @typedef {{ daily: number, weekly: number, monthly: number }} KeepPolicy
 * @typedef {{
 *   database: DatabaseTarget,
 *   folders: Partial<Record<FolderName, string>>,
 *   backupDir: string,
 *   keep: KeepPolicy,
 *   time: string,
 * }} BackupSettings
 */

/** The CMS workspace: relative paths in its settings start here, as in the CMS. */
export const CMS_DIR = path.resolve(import.meta.dirname, '..');

/**
 * The database the CMS uses, read from the same variables as `cms/config/database.ts`.
 * @param {NodeJS.ProcessEnv} env @param {string} cmsDir
 * @returns {DatabaseTarget}
 */
const databaseFromEnv = (env, cmsDir) => {
  const url = env.DATABASE_URL || '';
  const client = env.DATABASE_CLIENT || (url ? 'postgres' : 'sqlite');
  if (client === 'sqlite') {
    return { client, file: path.resolve(cmsDir, env.DATABASE_FILENAME || '.tmp/data.db') };
  }
  if (client !== 'postgres') {
    throw new TypeError(`Unsupported DATABASE_CLIENT "${client}": use "sqlite" or "postgres".`);
  }
  if (!url) throw new TypeError('DATABASE_URL is required when DATABASE_CLIENT is "postgres".');
  const { hostname, port, pathname, username, password } = new URL(url);
  return {
    client,
    host: hostname,
    port: Number(port || 5432),
    database: decodeURIComponent(pathname.slice(1)),
    user: decodeURIComponent(username),
    password: decodeURIComponent(password),
    ssl: env.DATABASE_SSL === 'true' && {
      rejectUnauthorized: env.DATABASE_SSL_REJECT_UNAUTHORIZED !== 'false',
    },
  };
};

/**
 * @param {string | undefined} text @param {number} fallback @param {string} name
 */
const count = (text, fallback, name) => {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new TypeError(`${name} must be a whole number of backups (0 or more), not "${text}".`);
  }
  return value;
};

/**
 * What to back up and where to, from the CMS's environment: its database, the public and private
 * uploads, the static deploys (when `SITE_DEPLOYS_DIR` is set), and the backup settings. Paths
 * are relative to `cms/` unless absolute, as in the CMS.
 * @param {NodeJS.ProcessEnv} [env]
 * @param {{ cmsDir?: string }} [options]
 * @returns {BackupSettings}
 * @example
 * ```js
 * const settings = backupSettings(process.env);
 * await createBackup({ settings, key: parseBackupKey(process.env.BACKUP_ENCRYPTION_KEY) });
 * ```
 */
export const backupSettings = (env = process.env, { cmsDir = CMS_DIR } = {}) => ({
  database: databaseFromEnv(env, cmsDir),
  folders: {
    'public-uploads': path.join(cmsDir, 'public', 'uploads'),
    'private-uploads': path.resolve(cmsDir, env.PRIVATE_UPLOADS_DIR || 'private-uploads'),
    ...(env.SITE_DEPLOYS_DIR ? { 'site-deploys': path.resolve(cmsDir, env.SITE_DEPLOYS_DIR) } : {}),
  },
  backupDir: path.resolve(cmsDir, env.BACKUP_DIR || '../backups'),
  keep: {
    daily: count(env.BACKUP_KEEP_DAILY, 7, 'BACKUP_KEEP_DAILY'),
    weekly: count(env.BACKUP_KEEP_WEEKLY, 4, 'BACKUP_KEEP_WEEKLY'),
    monthly: count(env.BACKUP_KEEP_MONTHLY, 12, 'BACKUP_KEEP_MONTHLY'),
  },
  time: env.BACKUP_TIME || '03:30',
});
