// The production scheduler: `node backup/daily.mjs` (working directory cms/) runs for ever,
// makes a backup every day at BACKUP_TIME (UTC, default 03:30) into BACKUP_DIR and rotates the
// backups there. It reads only its environment (docker compose passes .env): the database
// variables, PRIVATE_UPLOADS_DIR, SITE_DEPLOYS_DIR, BACKUP_* (README, "Backups").
import { createBackup, rotateBackups } from './backup.mjs';
import { parseBackupKey } from './key.mjs';
import { nextRunAt } from './schedule.mjs';
import { backupSettings } from './settings.mjs';

/** @param {string} message */
const log = (message) => console.log(`${new Date().toISOString()} backup: ${message}`);

const settings = backupSettings(process.env);
// Wrong settings stop the scheduler at once, not at 03:30.
const key = parseBackupKey(process.env.BACKUP_ENCRYPTION_KEY);
nextRunAt(new Date(), settings.time);

const stopping = new AbortController();
for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    stopping.abort();
  });
}

/** Resolves at `at`, or when the scheduler is stopped. @param {Date} at */
const sleepUntil = (at) =>
  new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      stopping.signal.removeEventListener('abort', wake);
      resolve(undefined);
    };
    const timer = setTimeout(wake, Math.max(0, at.getTime() - Date.now()));
    stopping.signal.addEventListener('abort', wake);
  });

const runOnce = async () => {
  const started = Date.now();
  try {
    const { file, bytes } = await createBackup({ settings, key, signal: stopping.signal });
    log(`wrote ${file} (${bytes} bytes) in ${Math.round((Date.now() - started) / 1000)} s`);
    const { keep, remove } = await rotateBackups(settings);
    log(
      `kept ${keep.length} backups, deleted ${remove.length}${remove.length ? `: ${remove.join(', ')}` : ''}`
    );
  } catch (error) {
    // The next day is tried again; the failure is in the log (and no partial file is left).
    if (!stopping.signal.aborted) log(`FAILED: ${/** @type {Error} */ (error).stack ?? error}`);
  }
};

log(
  `${settings.database.client} database, backups in ${settings.backupDir}, daily at ${settings.time} UTC`
);
if (process.argv.includes('--now')) await runOnce();
while (!stopping.signal.aborted) {
  const next = nextRunAt(new Date(), settings.time);
  log(`next backup at ${next.toISOString()}`);
  await sleepUntil(next);
  if (!stopping.signal.aborted) await runOnce();
}
