import { describe, expect, it } from 'vitest';

import { safeReturnTo as safeReturnToOn } from '../src/lib/return-to';

const ORIGIN = 'http://localhost:4321';
const safeReturnTo = (value: string | null | undefined) => safeReturnToOn(value, ORIGIN);

/** Known ways to smuggle another host past a "starts with one slash" check. */
const BYPASSES = [
  '/..//evil.example/phish',
  '/.././/evil.example',
  '/%2e%2e//evil.example',
  '/%2E%2E/%2Fevil.example',
  '/a/../..//evil.example',
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\\/evil.example',
  '/%5cevil.example',
  '/%5Cevil.example',
  '/%2f%2fevil.example',
  '/%2F/evil.example',
  '/%252f%252fevil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '\t//evil.example',
  ' //evil.example',
  '/%09/evil.example',
  '/%0d%0a/evil.example',
  'https://evil.example/',
  'http:evil.example',
  'HTTPS://evil.example',
  '//localhost:4321@evil.example',
  'http://localhost:4321/clinics',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'evil.example',
  '\u2215\u2215evil.example',
  '',
  null,
  undefined,
];

describe('where sign-in returns to', () => {
  it.each(BYPASSES.map((value) => [value]))('refuses %j and returns home', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });

  it.each([
    ['/', '/'],
    ['/clinics/lisya-tropa/review', '/clinics/lisya-tropa/review'],
    ['/clinics?city=Москва#top', '/clinics?city=%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0#top'],
    ['/clinics?q=http://evil.example', '/clinics?q=http://evil.example'],
    ['/cabinet/clinics/3/pages', '/cabinet/clinics/3/pages'],
  ])('keeps the app’s own path %s', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });

  it('gives a path that stays on the app wherever a browser resolves it', () => {
    for (const value of BYPASSES) {
      const kept = safeReturnTo(value);
      expect(new URL(kept, 'http://localhost:4321/auth/callback').origin).toBe(
        'http://localhost:4321'
      );
      expect(kept).toMatch(/^\/(?![/\\])/);
    }
  });
});
