import { describe, expect, it } from 'vitest';

import { createIdWeb, type IdWebOptions } from '../src';

const valid: IdWebOptions = {
  clientId: 'docs',
  scope: 'openid email profile offline_access api',
  appUrl: () => new URL('http://localhost:4323'),
  issuer: () => new URL('http://localhost:1337/id'),
  sessionSecret: () => Buffer.alloc(32, 7).toString('base64url'),
  sessionSecretName: 'DOCS_SESSION_SECRET',
  cookiePrefix: 'vh_docs',
};

describe('createIdWeb', () => {
  it('names the cookies after the prefix, and builds safe sign-in addresses', () => {
    const auth = createIdWeb(valid);
    expect(auth.cookieNames).toEqual({ session: 'vh_docs_session', signIn: 'vh_docs_sign_in' });
    expect(auth.signInPath('/guides/api?x=1')).toBe(
      '/auth/sign-in?returnTo=%2Fguides%2Fapi%3Fx%3D1'
    );
    expect(auth.signInPath('//evil.example')).toBe('/auth/sign-in?returnTo=%2F');
    expect(auth.safeReturnTo('http://localhost:4323/guides')).toBe('/');
  });

  it.each([
    [{ clientId: '' }, '"clientId" must be a non-empty string'],
    [{ scope: 'email' }, '"scope" must include "openid": the session is built from the ID token'],
    [{ appUrl: 'http://localhost:4323' }, '"appUrl" must be a function'],
    [{ sessionSecret: undefined }, '"sessionSecret" must be a function'],
    [{ cookiePrefix: 'vh docs' }, '"cookiePrefix" must be letters, digits, "_" or "-"'],
    [{ apiAudience: 'https://api.vixenhealth.ru' }, '"apiAudience" must be a function'],
  ])('refuses %j with a TypeError', (wrong, message) => {
    expect(() => createIdWeb({ ...valid, ...(wrong as Partial<IdWebOptions>) })).toThrow(
      new TypeError(message)
    );
  });
});
