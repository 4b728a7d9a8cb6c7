import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseEnv } from '../lib/env-file.mjs';
import { ROOT_DIR } from '../lib/paths.mjs';

/** The CMS's code and the platform runner that starts it, relative to the repository's root. */
const READERS = ['cms/config', 'cms/src', 'cms/backup', 'tooling/platform', 'tooling/lib'];

/** Variables of the test run itself, documented in the README's Tests section instead. */
const TEST_ONLY = new Set(['TEST_DATABASE_URL']);

/** Set by npm for the scripts it runs, never by us. */
const SET_BY_NPM = new Set(['INIT_CWD']);

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (name === '__tests__' || name === 'node_modules') return [];
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|mjs)$/.test(name) ? [file] : [];
  });

/** Every variable the CMS and the platform runner read, through Strapi's `env()` or `process.env`. */
const variablesRead = () => {
  const names = new Set<string>();
  const patterns = [/\benv(?:\.\w+)?\('([A-Z][A-Z0-9_]*)'/g, /process\.env\.([A-Z][A-Z0-9_]*)/g];
  for (const dir of READERS) {
    for (const file of sourceFiles(path.join(ROOT_DIR, dir))) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of patterns) {
        for (const match of text.matchAll(pattern)) names.add(match[1]);
      }
    }
  }
  return names;
};

describe('.env.example', () => {
  it('lists every variable the CMS and the platform runner read', () => {
    const listed = parseEnv(readFileSync(path.join(ROOT_DIR, '.env.example'), 'utf8'));
    const read = variablesRead();
    expect(read.size).toBeGreaterThan(20);
    const missing = [...read].filter(
      (name) => !listed.has(name) && !TEST_ONLY.has(name) && !SET_BY_NPM.has(name)
    );
    expect(missing).toEqual([]);
  });
});
