import { lstat, open, readdir, readlink } from 'node:fs/promises';
import path from 'node:path';

import { BackupError } from './errors.mjs';

/*
 * What is inside the encrypted, compressed file: a line naming the format, then entries, each a
 * header (u32 big-endian length, then JSON) followed by `size` bytes of content for a file or the
 * database. The last entry is `end`, with the number of entries before it.
 */

const MAGIC = Buffer.from('VHARCHIVE 1\n');
/** The folders a backup holds, by the name they have inside it. */
export const FOLDER_NAMES = /** @type {const} */ ([
  'public-uploads',
  'private-uploads',
  'site-deploys',
]);

/**
 * @typedef {typeof FOLDER_NAMES[number]} FolderName
 * @typedef {{ kind: 'meta', createdAt: string, database: 'sqlite' | 'postgres', folders: FolderName[] }} MetaEntry
 * @typedef {{ kind: 'database', client: 'sqlite' | 'postgres', size: number }} DatabaseEntry
 * @typedef {{ kind: 'dir', folder: FolderName, path: string, mode: number }} DirEntry
 * @typedef {{ kind: 'file', folder: FolderName, path: string, mode: number, mtime: number, size: number }} FileEntry
 * @typedef {{ kind: 'symlink', folder: FolderName, path: string, target: string }} SymlinkEntry
 * @typedef {{ kind: 'end', entries: number }} EndEntry
 * @typedef {MetaEntry | DatabaseEntry | DirEntry | FileEntry | SymlinkEntry | EndEntry} Entry
 */

/** @param {Entry} entry */
const headerOf = (entry) => {
  const json = Buffer.from(JSON.stringify(entry));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([length, json]);
};

/**
 * The first `size` bytes of an open file, all of them.
 * @param {import('node:fs/promises').FileHandle} handle @param {string} file @param {number} size
 * @returns {AsyncGenerator<Buffer>}
 */
async function* contentOf(handle, file, size) {
  let read = 0;
  if (size > 0) {
    const stream = handle.createReadStream({ start: 0, end: size - 1, autoClose: false });
    for await (const chunk of stream) {
      read += chunk.length;
      yield chunk;
    }
  }
  if (read !== size) {
    throw new BackupError(
      'ERR_BACKUP_CHANGED_WHILE_READ',
      `${file} shrank from ${size} to ${read} bytes while it was being backed up.`
    );
  }
}

/**
 * Every directory, file and symbolic link below `root`, parents before children, by name.
 * @param {string} root @param {FolderName} folder @param {string} [relative]
 * @returns {AsyncGenerator<DirEntry | (FileEntry & { source: string }) | SymlinkEntry>}
 */
async function* walk(root, folder, relative = '') {
  const names = await readdir(path.join(root, relative)).catch((error) => {
    if (error.code === 'ENOENT' && relative === '') return [];
    throw error;
  });
  for (const name of names.sort()) {
    const inside = relative ? `${relative}/${name}` : name;
    const source = path.join(root, inside);
    const stats = await lstat(source).catch(() => null);
    // Gone since the listing (a deploy's temporary link): nothing to keep.
    if (!stats) continue;
    if (stats.isSymbolicLink()) {
      yield { kind: 'symlink', folder, path: inside, target: await readlink(source) };
    } else if (stats.isDirectory()) {
      yield { kind: 'dir', folder, path: inside, mode: stats.mode & 0o7777 };
      yield* walk(root, folder, inside);
    } else if (stats.isFile()) {
      yield {
        kind: 'file',
        folder,
        path: inside,
        mode: stats.mode & 0o7777,
        mtime: stats.mtimeMs,
        size: stats.size,
        source,
      };
    }
  }
}

/**
 * The archive of a database file and folders, as a stream of bytes.
 * @param {{ createdAt: Date, database: { client: 'sqlite' | 'postgres', file: string },
 *   folders: Partial<Record<FolderName, string>> }} contents
 * @returns {AsyncGenerator<Buffer>}
 */
export async function* writeArchive({ createdAt, database, folders }) {
  const names = FOLDER_NAMES.filter((name) => folders[name]);
  let entries = 0;
  yield MAGIC;
  yield headerOf({
    kind: 'meta',
    createdAt: createdAt.toISOString(),
    database: database.client,
    folders: names,
  });
  const copy = await open(database.file, 'r');
  try {
    const { size } = await copy.stat();
    yield headerOf({ kind: 'database', client: database.client, size });
    yield* contentOf(copy, database.file, size);
  } finally {
    await copy.close();
  }
  entries += 2;
  for (const name of names) {
    for await (const found of walk(/** @type {string} */ (folders[name]), name)) {
      if (found.kind !== 'file') {
        entries++;
        yield headerOf(found);
        continue;
      }
      const { source, ...entry } = found;
      // Opened before its header is written: a file deleted since the listing (an upload removed
      // in the CMS meanwhile) is left out, and one deleted while it is read is read to the end.
      const handle = await open(source, 'r').catch((error) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (!handle) continue;
      try {
        entry.size = (await handle.stat()).size;
        entries++;
        yield headerOf(entry);
        yield* contentOf(handle, source, entry.size);
      } finally {
        await handle.close();
      }
    }
  }
  yield headerOf({ kind: 'end', entries });
}

/** @param {string} why */
const corrupt = (why) =>
  new BackupError('ERR_BACKUP_CORRUPT', `The backup's contents are not readable (${why}).`);

/**
 * A relative path that stays inside its folder.
 * @param {unknown} value
 */
const isSafePath = (value) =>
  typeof value === 'string' &&
  value !== '' &&
  !path.isAbsolute(value) &&
  !value.split(/[/\\]/).some((part) => part === '..' || part === '.' || part === '');

/**
 * Reads an archive: for each entry, `onEntry` is called with the entry and, for a file or the
 * database, its content as chunks, which it must consume.
 * @param {AsyncIterable<Buffer>} source decrypted, decompressed bytes
 * @param {(entry: Entry, content: AsyncGenerator<Buffer> | null) => Promise<void>} onEntry
 * @returns {Promise<MetaEntry>}
 */
export const readArchive = async (source, onEntry) => {
  const iterator = source[Symbol.asyncIterator]();
  /** @type {Buffer} */
  let buffered = Buffer.alloc(0);

  /** @param {number} bytes */
  const fill = async (bytes) => {
    while (buffered.length < bytes) {
      const next = await iterator.next();
      if (next.done) throw corrupt('it ends early');
      buffered = buffered.length ? Buffer.concat([buffered, next.value]) : next.value;
    }
  };
  /** @param {number} bytes */
  const take = async (bytes) => {
    await fill(bytes);
    const taken = buffered.subarray(0, bytes);
    buffered = buffered.subarray(bytes);
    return taken;
  };
  /** Bytes of the current entry's content not read yet. */
  let left = 0;
  /** @returns {AsyncGenerator<Buffer>} */
  async function* content() {
    while (left > 0) {
      if (buffered.length === 0) await fill(1);
      const part = buffered.subarray(0, Math.min(left, buffered.length));
      buffered = buffered.subarray(part.length);
      left -= part.length;
      yield part;
    }
  }
  const readEntry = async () => {
    const length = (await take(4)).readUInt32BE(0);
    if (length > 1024 * 1024) throw corrupt('an entry header is too long');
    try {
      return /** @type {Entry} */ (JSON.parse((await take(length)).toString('utf8')));
    } catch {
      throw corrupt('an entry header is not JSON');
    }
  };

  if (!(await take(MAGIC.length)).equals(MAGIC)) throw corrupt('unknown format');
  const meta = await readEntry();
  if (meta.kind !== 'meta') throw corrupt('no description at the start');
  await onEntry(meta, null);
  let entries = 1;
  for (;;) {
    const entry = await readEntry();
    if (entry.kind === 'end') {
      if (entry.entries !== entries)
        throw corrupt(`${entry.entries} entries listed, ${entries} read`);
      if (buffered.length > 0 || !(await iterator.next()).done)
        throw corrupt('bytes after the end');
      return meta;
    }
    entries++;
    if (entry.kind === 'database' || entry.kind === 'file') {
      if (!Number.isSafeInteger(entry.size) || entry.size < 0) throw corrupt('a size is wrong');
    }
    if (entry.kind === 'dir' || entry.kind === 'file' || entry.kind === 'symlink') {
      if (!meta.folders.includes(entry.folder) || !isSafePath(entry.path)) {
        throw corrupt(`a path leaves its folder: ${entry.folder}/${entry.path}`);
      }
    }
    if (entry.kind === 'symlink') {
      const resolved = path.posix.normalize(
        path.posix.join(path.posix.dirname(entry.path), entry.target)
      );
      if (path.posix.isAbsolute(entry.target) || resolved.startsWith('..')) {
        throw corrupt(`a link leaves its folder: ${entry.folder}/${entry.path}`);
      }
    }
    const hasContent = entry.kind === 'database' || entry.kind === 'file';
    left = hasContent ? entry.size : 0;
    await onEntry(entry, hasContent ? content() : null);
    // Whatever the handler left unread is skipped.
    for await (const _ of content());
  }
};
