import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { generateBackupKey, parseBackupKey, verifyBackup } from '../index.mjs';
import { openSqlite } from '../sqlite.mjs';

/** The production scheduler, run as the compose service runs it: `node backup/daily.mjs` in cms/. */
const CMS_DIR = path.resolve(import.meta.dirname, '..', '..');
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'vixenhealth-backup-daily-'));
  const db = openSqlite(path.join(work, 'data.db'));
  db.exec('create table notes (id integer primary key, body text)');
  db.close();
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const startDaily = (env: Record<string, string>, args: string[] = []) => {
  const child = spawn(process.execPath, ['backup/daily.mjs', ...args], {
    cwd: CMS_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(work, 'data.db'),
      PRIVATE_UPLOADS_DIR: path.join(work, 'private-uploads'),
      BACKUP_DIR: path.join(work, 'backups'),
      ...env,
    },
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text) => (output += text));
  child.stderr.setEncoding('utf8').on('data', (text) => (output += text));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const printed = async (pattern: RegExp) => {
    while (!pattern.test(output)) {
      if (child.exitCode !== null) throw new Error(`daily.mjs exited: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { child, exited, printed, output: () => output };
};

describe('backup/daily.mjs', () => {
  it('backs up at start with --now, waits for BACKUP_TIME, and stops on SIGTERM', async () => {
    const key = generateBackupKey();
    const daily = startDaily({ BACKUP_ENCRYPTION_KEY: key, BACKUP_TIME: '03:30' }, ['--now']);
    await daily.printed(/next backup at \d{4}-\d\d-\d\dT03:30:00\.000Z/);
    expect(daily.output()).toMatch(/wrote .*vixenhealth-\d{8}T\d{6}Z\.backup/);
    daily.child.kill('SIGTERM');
    expect(await daily.exited).toBe(0);

    const [name] = await readdir(path.join(work, 'backups'));
    const { meta } = await verifyBackup({
      file: path.join(work, 'backups', name),
      key: parseBackupKey(key),
    });
    expect(meta.database).toBe('sqlite');
  });

  it('stops at once, with the reason, when its settings are wrong', async () => {
    const noKey = startDaily({});
    expect(await noKey.exited).not.toBe(0);
    expect(noKey.output()).toContain('BACKUP_ENCRYPTION_KEY is not set');
    const badTime = startDaily({ BACKUP_ENCRYPTION_KEY: generateBackupKey(), BACKUP_TIME: '3.30' });
    expect(await badTime.exited).not.toBe(0);
    expect(badTime.output()).toContain('BACKUP_TIME must be HH:MM');
  });
});
