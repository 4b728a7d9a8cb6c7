import { readdirSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { negotiateLocale, translate } from '../messages';

const CATALOG_DIR = path.resolve(import.meta.dirname, '..', 'catalogs');

describe('catalogs', () => {
  it('say everything in Russian that they say in English', async () => {
    const files = readdirSync(CATALOG_DIR);
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) {
      const { default: catalog } = await import(path.join(CATALOG_DIR, file));
      expect(Object.keys(catalog.ru).sort(), file).toEqual(Object.keys(catalog.en).sort());
    }
  });
});

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'ru'],
    ['', 'ru'],
    ['en-US,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9', 'ru'],
    ['en;q=0.5,ru;q=0.9', 'ru'],
    ['ru-RU,ru;q=0.9,en;q=0.8', 'ru'],
  ])('%s → %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('en', 'sign-in.error.throttled', { seconds: 30 })).toBe(
      'Too many attempts. Try again in 30 seconds.'
    );
    expect(translate('ru', 'sign-in.continue-to', { client: 'Портал' })).toBe(
      'чтобы продолжить в Портал'
    );
  });
});
