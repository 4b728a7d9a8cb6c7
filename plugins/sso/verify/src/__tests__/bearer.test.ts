import { describe, expect, it } from 'vitest';

import { bearerToken } from '../bearer';

describe('bearerToken', () => {
  it.each([
    ['Bearer eyJhbGciOiJFUzI1NiJ9.e30.c2ln', 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln'],
    ['bearer abc', 'abc'],
    ['BEARER abc', 'abc'],
    ['Bearer   abc', 'abc'],
    ['  Bearer abc  ', 'abc'],
    ['Bearer a-b_c.d~e+f/g==', 'a-b_c.d~e+f/g=='],
  ])('extracts the token from %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each([
    ['no header', undefined],
    ['a null header', null],
    ['an empty header', ''],
    ['the scheme alone', 'Bearer'],
    ['the scheme and spaces', 'Bearer    '],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['a scheme glued to the token', 'Bearerabc'],
    ['two tokens', 'Bearer abc def'],
    ['a comma', 'Bearer abc,def'],
    ['padding inside the token', 'Bearer ab=c'],
    ['a tab as separator', 'Bearer\tabc'],
    ['a line break', 'Bearer abc\ndef'],
  ])('refuses %s', (_label, header) => {
    expect(bearerToken(header)).toBeNull();
  });
});
