import { createWriteStream } from 'node:fs';
import { access, mkdir, mkdtemp, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

import { writeArchive } from './archive.mjs';
import { dumpDatabase } from './database.mjs';
import { encryptStream } from './encryption.mjs';
import { backupFileName, planRotation } from './rotation.mjs';

/**
 * @typedef {import('./settings.mjs').BackupSettings} BackupSettings
 * @typedef {import('./rotation.mjs').RotationPlan} RotationPlan
 */

/** The temporary names `createBackup` writes under. */
const LEFTOVER = /^\.(vixenhealth-.*\.partial|work-.*)$/;
const LEFTOVER_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * Makes one backup file in `settings.backupDir`: a consistent copy of the database taken while
 * the CMS runs, and the uploads and static deploys, compressed and encrypted as one stream. It is
 * written under a temporary name and renamed when complete: a backup that fails leaves nothing.
 * @param {{ settings: BackupSettings, key: Buffer, now?: Date, signal?: AbortSignal }} options
 * @returns {Promise<{ file: string, bytes: number }>}
 * @example
 * ```js
 * const { file } = await createBackup({
 *   settings: backupSettings(process.env),
 *   key: parseBackupKey(process.env.BACKUP_ENCRYPTION_KEY),
 * });
 * ```
 */
export const createBackup = async ({ settings, key, now = new Date(), signal }) => {
  await mkdir(settings.backupDir, { recursive: true });
  const name = backupFileName(now);
  const file = path.join(settings.backupDir, name);
  if (
    await access(file).then(
      () => true,
      () => false
    )
  ) {
    throw new Error(`${file} already exists: one backup per second at most.`);
  }
  // Hidden, and never taken for a backup by rotation; the database copy beside it, on the same disk.
  const partial = path.join(settings.backupDir, `.${name}.${process.pid}.partial`);
  const work = await mkdtemp(path.join(settings.backupDir, '.work-'));
  try {
    const database = path.join(work, 'database');
    await dumpDatabase(settings.database, database, { signal });
    await pipeline(
      Readable.from(
        writeArchive({
          createdAt: now,
          database: { client: settings.database.client, file: database },
          folders: settings.folders,
        })
      ),
      createGzip(),
      encryptStream(key),
      createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
      { signal }
    );
    const handle = await open(partial, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, file);
    return { file, bytes: (await stat(file)).size };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
};

/**
 * Deletes the backups in `backupDir` that the rotation policy no longer keeps, and the temporary
 * files of backups that were killed before they could clean up, once a day old.
 * @param {Pick<BackupSettings, 'backupDir' | 'keep'>} settings
 * @param {{ now?: Date }} [options]
 * @returns {Promise<RotationPlan>}
 * @example
 * ```js
 * const { remove } = await rotateBackups(backupSettings(process.env));
 * ```
 */
export const rotateBackups = async ({ backupDir, keep }, { now = new Date() } = {}) => {
  const names = await readdir(backupDir);
  const plan = planRotation(names, keep);
  for (const name of plan.remove) await rm(path.join(backupDir, name), { force: true });
  // What a backup killed outright (SIGKILL, power loss) left behind, once it is a day old.
  for (const name of names.filter((name) => LEFTOVER.test(name))) {
    const file = path.join(backupDir, name);
    const stats = await stat(file).catch(() => null);
    if (stats && now.getTime() - stats.mtimeMs > LEFTOVER_AGE_MS) {
      await rm(file, { recursive: true, force: true });
    }
  }
  return plan;
};
