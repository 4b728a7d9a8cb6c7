import { createHash, randomBytes } from 'node:crypto';
import {
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';
import { createTestDatabase, type TestDatabase } from '@vixenhealth/tooling/testing/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  backupSettings,
  countRows,
  createBackup,
  generateBackupKey,
  listTables,
  parseBackupKey,
  restoreBackup,
} from '../index.mjs';

/*
 * The restore drill: the real CMS with demo data and uploads, backed up while it runs, restored
 * into a new empty database and new folders; every table's row count and every file's hash must
 * come back. SQLite by default, PostgreSQL with TEST_DATABASE_URL.
 */

type Settings = ReturnType<typeof backupSettings>;
type Folders = Settings['folders'];

const key = parseBackupKey(generateBackupKey());
let work: string;
let cms: TestCms;
let source: Settings;
let backup: string;
const databases: TestDatabase[] = [];

/** Fresh, empty folders for a restore. */
const emptyFolders = async (name: string): Promise<Required<Folders>> => {
  const root = path.join(work, name);
  return {
    'public-uploads': path.join(root, 'public-uploads'),
    'private-uploads': path.join(root, 'private-uploads'),
    'site-deploys': path.join(root, 'site-deploys'),
  };
};

/** A new empty database, as the CMS would be configured for it. */
const emptyDatabase = async () => {
  const database = await createTestDatabase();
  databases.push(database);
  return backupSettings({ ...process.env, ...database.env }).database;
};

/** Every directory, link (its target) and file (its SHA-256) below `root`. */
const snapshot = async (root: string, relative = ''): Promise<Record<string, string>> => {
  const found: Record<string, string> = {};
  const names = await readdir(path.join(root, relative)).catch(() => [] as string[]);
  for (const name of names) {
    const inside = relative ? `${relative}/${name}` : name;
    const file = path.join(root, inside);
    const stats = await lstat(file);
    if (stats.isSymbolicLink()) found[inside] = `-> ${await readlink(file)}`;
    else if (stats.isDirectory())
      Object.assign(found, { [`${inside}/`]: 'dir' }, await snapshot(root, inside));
    else
      found[inside] = createHash('sha256')
        .update(await readFile(file))
        .digest('hex');
  }
  return found;
};

const snapshotAll = async (folders: Folders) =>
  Object.fromEntries(
    await Promise.all(
      Object.entries(folders).map(async ([name, dir]) => [name, await snapshot(dir!)] as const)
    )
  );

/** An uploaded file: its row in the CMS and its bytes in `dir`. */
const upload = async (dir: string, name: string, bytes: Buffer, url: string) => {
  const hash = `${name}_${randomBytes(5).toString('hex')}`;
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `${hash}.bin`), bytes);
  await cms.strapi.db.query('plugin::upload.file').create({
    data: {
      name: `${name}.bin`,
      hash,
      ext: '.bin',
      mime: 'application/octet-stream',
      size: bytes.length / 1000,
      url: `${url}${hash}.bin`,
      provider: 'local',
    },
  });
};

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'vixenhealth-backup-drill-'));
  const folders = await emptyFolders('source');
  cms = await startTestCms({
    DEMO_DATA: 'true',
    PRIVATE_UPLOADS_DIR: folders['private-uploads'],
  });
  // A photo bigger than a segment of the encryption, a small one, a private attachment.
  await upload(folders['public-uploads'], 'photo', randomBytes(300_000), '/uploads/');
  await upload(folders['public-uploads'], 'logo', Buffer.from('<svg/>'), '/uploads/');
  await upload(folders['private-uploads'], 'attachment', randomBytes(5000), '/private-uploads/');
  // A static deploy as the CMS lays it out: releases, `current` and a domain as links.
  const site = path.join(folders['site-deploys'], 'sites', 'demo');
  await mkdir(path.join(site, 'releases', '20261207T010000Z'), { recursive: true });
  await writeFile(path.join(site, 'releases', '20261207T010000Z', 'index.html'), '<h1>Demo</h1>');
  await symlink(path.join('releases', '20261207T010000Z'), path.join(site, 'current'));
  await mkdir(path.join(folders['site-deploys'], 'domains'));
  await symlink('../sites/demo', path.join(folders['site-deploys'], 'domains', 'demo.example'));

  source = {
    ...backupSettings(process.env),
    folders,
    backupDir: path.join(work, 'backups'),
  };
});

afterAll(async () => {
  await cms?.stop();
  for (const database of databases) await database.drop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('a restore drill', () => {
  it('brings back every row of every table and every file, into an empty database and folders', async () => {
    const rowsBefore = await countRows(source.database);
    // Taken while the CMS runs.
    ({ file: backup } = await createBackup({ settings: source, key }));
    expect(path.basename(backup)).toMatch(/^vixenhealth-\d{8}T\d{6}Z\.backup$/);
    expect(await readdir(source.backupDir)).toEqual([path.basename(backup)]);

    const target = { database: await emptyDatabase(), folders: await emptyFolders('restored') };
    const { files } = await restoreBackup({ file: backup, key, settings: target });

    const rows = await countRows(target.database);
    expect(rows).toEqual(rowsBefore);
    expect(Object.keys(rows).length).toBeGreaterThan(50);
    const table = Object.keys(rows).find((name) => /(^|\.)files$/.test(name))!;
    expect(rows[table]).toBe(3);
    expect(await snapshotAll(target.folders)).toEqual(await snapshotAll(source.folders));
    expect(files).toBe(4);
  });

  it('refuses a database that has tables, and writes nothing', async () => {
    const folders = await emptyFolders('refused');
    const rowsBefore = await countRows(source.database);
    await expect(
      restoreBackup({ file: backup, key, settings: { database: source.database, folders } })
    ).rejects.toMatchObject({
      code: 'ERR_BACKUP_TARGET_NOT_EMPTY',
      message: expect.stringMatching(/^Refusing to restore: .* is not empty/),
    });
    expect(await countRows(source.database)).toEqual(rowsBefore);
    expect(await snapshotAll(folders)).toEqual({
      'public-uploads': {},
      'private-uploads': {},
      'site-deploys': {},
    });
  });

  it('refuses the wrong key or a damaged file before writing anything', async () => {
    const target = { database: await emptyDatabase(), folders: await emptyFolders('wrong') };
    const wrongKey = parseBackupKey(generateBackupKey());
    await expect(
      restoreBackup({ file: backup, key: wrongKey, settings: target })
    ).rejects.toMatchObject({
      code: 'ERR_BACKUP_WRONG_KEY',
      message: expect.stringContaining('BACKUP_ENCRYPTION_KEY is not the key'),
    });

    const damaged = path.join(work, 'damaged.backup');
    const bytes = await readFile(backup);
    bytes[Math.floor(bytes.length * 0.8)] ^= 0x20;
    await writeFile(damaged, bytes);
    await expect(restoreBackup({ file: damaged, key, settings: target })).rejects.toMatchObject({
      code: 'ERR_BACKUP_CORRUPT',
    });

    expect(await listTables(target.database)).toEqual([]);
    expect(await snapshotAll(target.folders)).toEqual({
      'public-uploads': {},
      'private-uploads': {},
      'site-deploys': {},
    });
  });

  it('leaves no file behind when a backup fails half-way', async () => {
    const backupDir = path.join(work, 'failed-backups');
    const notAFolder = path.join(work, 'not-a-folder');
    await writeFile(notAFolder, 'a file where a folder should be');
    const failing = {
      ...source,
      folders: { ...source.folders, 'site-deploys': notAFolder },
      backupDir,
    };
    await expect(createBackup({ settings: failing, key })).rejects.toMatchObject({
      code: 'ENOTDIR',
    });
    expect(await readdir(backupDir)).toEqual([]);
  });
});
