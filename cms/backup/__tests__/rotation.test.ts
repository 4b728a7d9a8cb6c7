import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { rotateBackups } from '../backup.mjs';
import { backupFileName, backupTime, planRotation } from '../rotation.mjs';
import { nextRunAt, parseBackupTime } from '../schedule.mjs';

const at = (iso: string) => backupFileName(new Date(iso));
/** One backup a day at 03:30 UTC from `first` to `last`, inclusive. */
const daily = (first: string, last: string) => {
  const names: string[] = [];
  for (let day = new Date(`${first}T03:30:00Z`); day <= new Date(`${last}T03:30:00Z`);) {
    names.push(backupFileName(day));
    day = new Date(day.getTime() + 86_400_000);
  }
  return names;
};
const days = (names: string[]) => names.map((name) => backupTime(name)!.toISOString().slice(0, 10));
const NONE = { daily: 0, weekly: 0, monthly: 0 };

describe('backup file names', () => {
  it('carry the UTC time to the second, and read back', () => {
    const name = backupFileName(new Date('2026-12-07T03:30:09.456Z'));
    expect(name).toBe('vixenhealth-20261207T033009Z.backup');
    expect(backupTime(name)?.toISOString()).toBe('2026-12-07T03:30:09.000Z');
  });

  it('are told from other files, temporary ones and impossible dates included', () => {
    for (const name of [
      '.vixenhealth-20261207T033009Z.backup.123.partial',
      'vixenhealth-20261307T033009Z.backup',
      'vixenhealth-20261207T033009Z.backup.bak',
      'notes.txt',
    ]) {
      expect(backupTime(name), name).toBeNull();
    }
  });
});

describe('planRotation', () => {
  it('has nothing to do in an empty folder, and never touches files that are not backups', () => {
    expect(planRotation([], { daily: 7, weekly: 4, monthly: 12 })).toEqual({
      keep: [],
      remove: [],
    });
    const plan = planRotation(['notes.txt', '.work-abc', at('2026-12-07T03:30:00Z')], NONE);
    expect(plan).toEqual({
      keep: [{ name: at('2026-12-07T03:30:00Z'), reasons: ['newest'] }],
      remove: [],
    });
  });

  it('keeps the newest backup of each of the last 7 days by default of daily ones', () => {
    const plan = planRotation(daily('2026-11-28', '2026-12-07'), { ...NONE, daily: 7 });
    expect(days(plan.keep.map(({ name }) => name))).toEqual([
      '2026-12-07',
      '2026-12-06',
      '2026-12-05',
      '2026-12-04',
      '2026-12-03',
      '2026-12-02',
      '2026-12-01',
    ]);
    expect(days(plan.remove)).toEqual(['2026-11-30', '2026-11-29', '2026-11-28']);
  });

  it('keeps one backup per day: the newest of several', () => {
    const names = [
      at('2026-12-07T03:30:00Z'),
      at('2026-12-07T12:00:00Z'),
      at('2026-12-06T03:30:00Z'),
    ];
    const plan = planRotation(names, { ...NONE, daily: 7 });
    expect(plan.keep.map(({ name }) => name)).toEqual([names[1], names[2]]);
    expect(plan.remove).toEqual([names[0]]);
  });

  it('keeps 7 daily, 4 weekly and 12 monthly backups of a year of daily backups', () => {
    const plan = planRotation(daily('2026-01-01', '2026-12-07'), {
      daily: 7,
      weekly: 4,
      monthly: 12,
    });
    const kept = Object.fromEntries(
      plan.keep.map(({ name, reasons }) => [days([name])[0], reasons])
    );
    expect(kept).toEqual({
      '2026-12-07': ['newest', 'daily', 'weekly', 'monthly'],
      '2026-12-06': ['daily', 'weekly'],
      '2026-12-05': ['daily'],
      '2026-12-04': ['daily'],
      '2026-12-03': ['daily'],
      '2026-12-02': ['daily'],
      '2026-12-01': ['daily'],
      '2026-11-30': ['monthly'],
      '2026-11-29': ['weekly'],
      '2026-11-22': ['weekly'],
      '2026-10-31': ['monthly'],
      '2026-09-30': ['monthly'],
      '2026-08-31': ['monthly'],
      '2026-07-31': ['monthly'],
      '2026-06-30': ['monthly'],
      '2026-05-31': ['monthly'],
      '2026-04-30': ['monthly'],
      '2026-03-31': ['monthly'],
      '2026-02-28': ['monthly'],
      '2026-01-31': ['monthly'],
    });
    expect(plan.keep.length + plan.remove.length).toBe(341);
  });

  it('counts days that have a backup, so a scheduler that stopped does not lose the last ones', () => {
    const names = [
      at('2026-12-07T03:30:00Z'),
      at('2026-09-01T03:30:00Z'),
      at('2026-03-01T03:30:00Z'),
    ];
    expect(planRotation(names, { ...NONE, daily: 7 }).remove).toEqual([]);
  });

  it('takes ISO weeks across the new year (2026-W53 runs to Sunday 3 January 2027)', () => {
    const names = [
      at('2027-01-04T03:30:00Z'), // Monday, 2027-W01
      at('2027-01-03T03:30:00Z'), // Sunday, 2026-W53
      at('2026-12-28T03:30:00Z'), // Monday, 2026-W53
    ];
    const plan = planRotation(names, { ...NONE, weekly: 2 });
    expect(plan.keep.map(({ name }) => name)).toEqual([names[0], names[1]]);
    expect(plan.remove).toEqual([names[2]]);
  });

  it('keeps the newest backup whatever the policy', () => {
    const plan = planRotation(daily('2026-12-01', '2026-12-07'), NONE);
    expect(days(plan.keep.map(({ name }) => name))).toEqual(['2026-12-07']);
    expect(plan.remove).toHaveLength(6);
  });
});

describe('rotateBackups', () => {
  it('deletes what the plan removes, and leftovers of killed backups once a day old', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vixenhealth-rotation-'));
    try {
      const names = daily('2026-12-01', '2026-12-07');
      const leftovers = ['.vixenhealth-20261206T033000Z.backup.41.partial', '.work-aB3dEf'];
      for (const name of [
        ...names,
        'notes.txt',
        '.vixenhealth-20261207T033000Z.backup.42.partial',
      ]) {
        await writeFile(path.join(dir, name), name);
      }
      await writeFile(path.join(dir, leftovers[0]), 'cut short');
      await mkdir(path.join(dir, leftovers[1]));
      const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
      for (const name of leftovers) await utimes(path.join(dir, name), dayAgo, dayAgo);

      const plan = await rotateBackups({ backupDir: dir, keep: { ...NONE, daily: 3 } });
      expect(days(plan.remove)).toEqual(['2026-12-04', '2026-12-03', '2026-12-02', '2026-12-01']);
      expect((await readdir(dir)).sort()).toEqual(
        ['.vixenhealth-20261207T033000Z.backup.42.partial', 'notes.txt', ...names.slice(4)].sort()
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('nextRunAt', () => {
  it("is today's time while it is ahead, else tomorrow's, in UTC", () => {
    expect(nextRunAt(new Date('2026-12-07T01:00:00Z'), '03:30').toISOString()).toBe(
      '2026-12-07T03:30:00.000Z'
    );
    expect(nextRunAt(new Date('2026-12-07T03:30:00Z'), '03:30').toISOString()).toBe(
      '2026-12-08T03:30:00.000Z'
    );
    expect(nextRunAt(new Date('2026-12-31T23:59:00Z'), '0:05').toISOString()).toBe(
      '2027-01-01T00:05:00.000Z'
    );
  });

  it('refuses a time that is not HH:MM', () => {
    for (const time of ['3.30', '24:00', '03:60', '']) {
      expect(() => parseBackupTime(time), time).toThrow(TypeError);
    }
  });
});
