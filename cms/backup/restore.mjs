import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, symlink, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

import { readArchive } from './archive.mjs';
import { assertEmpty, describeTarget, restoreDatabase } from './database.mjs';
import { decryptStream } from './encryption.mjs';
import { BackupError } from './errors.mjs';

/**
 * @typedef {import('./settings.mjs').BackupSettings} BackupSettings
 * @typedef {import('./archive.mjs').Entry} Entry
 * @typedef {import('./archive.mjs').MetaEntry} MetaEntry
 * @typedef {import('./archive.mjs').FolderName} FolderName
 */

/**
 * Decrypts, decompresses and reads a backup file from start to end.
 * @param {string} file @param {Buffer} key
 * @param {(entry: Entry, content: AsyncGenerator<Buffer> | null) => Promise<void>} onEntry
 * @returns {Promise<MetaEntry>}
 */
const readBackup = async (file, key, onEntry) => {
  /** @type {MetaEntry | undefined} */
  let meta;
  const gunzip = createGunzip();
  try {
    await pipeline(createReadStream(file), decryptStream(key), gunzip, async (source) => {
      meta = await readArchive(source, onEntry);
    });
  } catch (error) {
    // Authenticated bytes that do not decompress: written wrong, not altered since.
    if (/** @type {NodeJS.ErrnoException} */ (error).code?.startsWith('Z_')) {
      throw new BackupError('ERR_BACKUP_CORRUPT', 'The backup does not decompress.', {
        cause: error,
      });
    }
    throw error;
  }
  return /** @type {MetaEntry} */ (meta);
};

/**
 * Reads a whole backup without writing anything: the key is right and every byte is as it was
 * written.
 * @param {{ file: string, key: Buffer }} options
 * @returns {Promise<{ meta: MetaEntry, files: number, bytes: number, folders: FolderName[] }>}
 *   `folders` are those the backup holds anything in
 * @throws {BackupError} `ERR_BACKUP_NOT_A_BACKUP`, `ERR_BACKUP_WRONG_KEY` or `ERR_BACKUP_CORRUPT`
 * @example
 * ```js
 * const { meta } = await verifyBackup({ file, key });
 * ```
 */
export const verifyBackup = async ({ file, key }) => {
  let files = 0;
  let bytes = 0;
  /** @type {Set<FolderName>} */
  const folders = new Set();
  const meta = await readBackup(file, key, async (entry, content) => {
    if ('folder' in entry) folders.add(entry.folder);
    if (entry.kind === 'file') files++;
    if (content) for await (const chunk of content) bytes += chunk.length;
  });
  return { meta, files, bytes, folders: [...folders] };
};

/**
 * Points `link` at `target`, replacing whatever is there.
 * @param {string} link @param {string} target
 */
const relink = async (link, target) => {
  const temporary = `${link}.${process.pid}.restoring`;
  await rm(temporary, { force: true });
  await symlink(target, temporary);
  await rename(temporary, link);
};

/**
 * Restores a backup: checks that the target database is empty and that the file is whole and
 * opens with the key, before writing anything; then loads the database and puts the files back
 * in their folders (files of the same name are replaced). Stop the CMS first.
 * @param {{ file: string, key: Buffer, settings: Pick<BackupSettings, 'database' | 'folders'> }} options
 * @returns {Promise<{ meta: MetaEntry, files: number, bytes: number }>}
 * @throws {BackupError} `ERR_BACKUP_TARGET_NOT_EMPTY`, `ERR_BACKUP_NO_FOLDER`, or as `verifyBackup`
 * @example
 * ```js
 * await restoreBackup({ file, key: parseBackupKey(env.BACKUP_ENCRYPTION_KEY), settings: backupSettings(env) });
 * ```
 */
export const restoreBackup = async ({ file, key, settings }) => {
  const { database, folders } = settings;
  await assertEmpty(database);
  const verified = await verifyBackup({ file, key });
  if (verified.meta.database !== database.client) {
    throw new BackupError(
      'ERR_BACKUP_RESTORE_FAILED',
      `This backup holds a ${verified.meta.database} database; ${describeTarget(database)} is ${database.client}. Set DATABASE_CLIENT (and DATABASE_URL or DATABASE_FILENAME) to a ${verified.meta.database} database.`
    );
  }
  const missing = verified.folders.filter((name) => !folders[name]);
  if (missing.length > 0) {
    throw new BackupError(
      'ERR_BACKUP_NO_FOLDER',
      `This backup holds files of ${missing.join(', ')}, which has no folder here${missing.includes('site-deploys') ? ': set SITE_DEPLOYS_DIR' : ''}.`
    );
  }

  const work =
    database.client === 'sqlite'
      ? path.dirname(database.file)
      : await mkdtemp(path.join(tmpdir(), 'vixenhealth-restore-'));
  await mkdir(work, { recursive: true });
  const copy =
    database.client === 'sqlite'
      ? `${database.file}.${process.pid}.restoring`
      : path.join(work, 'database');
  try {
    await readBackup(file, key, async (entry, content) => {
      if (entry.kind === 'database' && content) {
        await pipeline(content, createWriteStream(copy, { mode: 0o600 }));
        await restoreDatabase(database, copy);
        return;
      }
      if (!('folder' in entry)) return;
      const root = /** @type {string} */ (folders[entry.folder]);
      const destination = path.join(root, ...entry.path.split('/'));
      await mkdir(path.dirname(destination), { recursive: true });
      if (entry.kind === 'dir') {
        await mkdir(destination, { recursive: true, mode: entry.mode });
      } else if (entry.kind === 'symlink') {
        await relink(destination, entry.target);
      } else if (entry.kind === 'file' && content) {
        const temporary = `${destination}.${process.pid}.restoring`;
        await pipeline(content, createWriteStream(temporary, { mode: entry.mode }));
        await utimes(temporary, new Date(), new Date(entry.mtime));
        await rename(temporary, destination);
      }
    });
  } finally {
    await rm(copy, { force: true });
    if (database.client === 'postgres') await rm(work, { recursive: true, force: true });
  }
  return { meta: verified.meta, files: verified.files, bytes: verified.bytes };
};
