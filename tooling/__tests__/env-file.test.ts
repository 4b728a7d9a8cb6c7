import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ensureEnvFile, parseEnv } from '../lib/env-file.mjs';
import { ENV_EXAMPLE_FILE } from '../lib/paths.mjs';

let dir: string;
let files: { envFile: string; exampleFile: string };

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'vh-env-'));
  files = { envFile: path.join(dir, '.env'), exampleFile: path.join(dir, '.env.example') };
  writeFileSync(files.exampleFile, '# comment\nPORT=1337\nJWT_SECRET=\nADMIN_PASSWORD=\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const readEnv = () => parseEnv(readFileSync(files.envFile, 'utf8'));

describe('first start', () => {
  it('copies .env.example and fills every empty secret, readable by the owner only', () => {
    const { created, generated } = ensureEnvFile(files);
    expect(created).toBe(true);
    expect(generated.sort()).toEqual(['ADMIN_PASSWORD', 'JWT_SECRET']);
    const env = readEnv();
    expect(env.get('PORT')).toBe('1337');
    expect(env.get('JWT_SECRET')!.length).toBeGreaterThanOrEqual(32);
    expect(env.get('ADMIN_PASSWORD')).toMatch(/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{10,}$/);
    expect(readFileSync(files.envFile, 'utf8')).toContain('# comment');
    expect(statSync(files.envFile).mode & 0o077).toBe(0);
  });

  it('makes different secrets on different machines', () => {
    ensureEnvFile(files);
    const first = readEnv().get('JWT_SECRET');
    rmSync(files.envFile);
    ensureEnvFile(files);
    expect(readEnv().get('JWT_SECRET')).not.toBe(first);
  });
});

describe('later starts', () => {
  it('never changes a value already set', () => {
    writeFileSync(files.envFile, 'PORT=8080\nJWT_SECRET=mine\nADMIN_PASSWORD=Mine-password-1\n');
    const before = readFileSync(files.envFile, 'utf8');
    expect(ensureEnvFile(files)).toEqual({ created: false, generated: [] });
    expect(readFileSync(files.envFile, 'utf8')).toBe(before);
  });

  it('fills a secret left empty and adds one a newer .env.example introduced', () => {
    writeFileSync(files.envFile, 'PORT=8080\nJWT_SECRET=\n');
    const { generated } = ensureEnvFile(files);
    expect(generated.sort()).toEqual(['ADMIN_PASSWORD', 'JWT_SECRET']);
    const env = readEnv();
    expect(env.get('PORT')).toBe('8080');
    expect(env.get('JWT_SECRET')).not.toBe('');
    expect(env.get('ADMIN_PASSWORD')).toBeTruthy();
    expect(readFileSync(files.envFile, 'utf8').match(/^JWT_SECRET=/gm)).toHaveLength(1);
  });
});

describe('.env.example', () => {
  it('leaves every secret empty, so none is ever committed', () => {
    const example = parseEnv(readFileSync(ENV_EXAMPLE_FILE, 'utf8'));
    for (const name of ['APP_KEYS', 'JWT_SECRET', 'ADMIN_JWT_SECRET', 'ADMIN_PASSWORD']) {
      expect(example.get(name), name).toBe('');
    }
  });
});
