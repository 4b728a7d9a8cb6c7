import { describe, expect, it } from 'vitest';

import { resolveOptions } from '../options';
import type { AccessTokenVerifierOptions } from '../options';
import { createAccessTokenVerifier } from '../verifier';

const ISSUER = 'https://id.vixenhealth.test';
const AUDIENCE = 'https://api.vixenhealth.test';

describe('resolveOptions', () => {
  it('applies the defaults', () => {
    expect(resolveOptions({ issuer: ISSUER, audience: AUDIENCE })).toEqual({
      issuer: ISSUER,
      audience: [AUDIENCE],
      algorithms: ['ES256', 'RS256'],
      jwksUri: new URL(`${ISSUER}/jwks`),
      clockTolerance: 5,
      requiredScope: [],
      currentDate: undefined,
      fetchTimeoutMs: 5000,
      cacheMaxAge: 600_000,
      revocationListUri: undefined,
      revocationListMaxAge: 5000,
    });
  });

  it('derives the JWKS URI from an issuer with a path or a trailing slash', () => {
    expect(resolveOptions({ issuer: `${ISSUER}/oidc/`, audience: AUDIENCE }).jwksUri.href).toBe(
      `${ISSUER}/oidc/jwks`
    );
  });

  it('keeps the options given', () => {
    const currentDate = () => new Date(0);
    expect(
      resolveOptions({
        issuer: ISSUER,
        audience: [AUDIENCE, 'cms'],
        algorithms: ['ES256'],
        jwksUri: new URL('https://keys.vixenhealth.test/jwks.json'),
        clockTolerance: 0,
        requiredScope: 'openid  appointments:read',
        currentDate,
        fetchTimeoutMs: 1000,
        cacheMaxAge: Infinity,
        revocationListUri: `${ISSUER}/revocations`,
        revocationListMaxAge: 0,
      })
    ).toEqual({
      issuer: ISSUER,
      audience: [AUDIENCE, 'cms'],
      algorithms: ['ES256'],
      jwksUri: new URL('https://keys.vixenhealth.test/jwks.json'),
      clockTolerance: 0,
      requiredScope: ['openid', 'appointments:read'],
      currentDate,
      fetchTimeoutMs: 1000,
      cacheMaxAge: Infinity,
      revocationListUri: new URL(`${ISSUER}/revocations`),
      revocationListMaxAge: 0,
    });
  });
});

describe('createAccessTokenVerifier: wrong options', () => {
  const base = { issuer: ISSUER, audience: AUDIENCE };

  it.each<[string, Record<string, unknown>]>([
    ['no issuer', { issuer: undefined }],
    ['an issuer that is not a URL', { issuer: 'vixenhealth' }],
    ['an issuer that is not http(s)', { issuer: 'ftp://id.vixenhealth.test' }],
    ['no audience', { audience: undefined }],
    ['an empty audience', { audience: '' }],
    ['an empty audience list', { audience: [] }],
    ['alg none', { algorithms: ['none'] }],
    ['an HMAC algorithm', { algorithms: ['ES256', 'HS256'] }],
    ['no algorithm', { algorithms: [] }],
    ['a JWKS URI that is not a URL', { jwksUri: 'keys' }],
    ['a negative clock tolerance', { clockTolerance: -1 }],
    ['an infinite clock tolerance', { clockTolerance: Infinity }],
    ['a clock tolerance as text', { clockTolerance: '5s' }],
    ['a required scope that is not a scope', { requiredScope: ['two words'] }],
    ['a clock that is not a function', { currentDate: new Date() }],
    ['a fractional fetch timeout', { fetchTimeoutMs: 1.5 }],
    ['a zero fetch timeout', { fetchTimeoutMs: 0 }],
    ['a NaN cache age', { cacheMaxAge: NaN }],
    ['a revocation list URI that is not a URL', { revocationListUri: 'revocations' }],
    ['an infinite revocation list age', { revocationListMaxAge: Infinity }],
    ['a key set that is not a function', { keySet: { keys: [] } }],
    ['a key set beside a JWKS URI', { keySet: async () => null, jwksUri: `${ISSUER}/jwks` }],
    ['a revocation check that is not a function', { isRevoked: true }],
    [
      'a revocation check beside a revocation list URI',
      { isRevoked: () => false, revocationListUri: `${ISSUER}/revocations` },
    ],
    ['an unknown option', { requiredScopes: 'openid' }],
  ])('throws a TypeError for %s', (_label, wrong) => {
    const options = { ...base, ...wrong } as unknown as AccessTokenVerifierOptions;
    expect(() => createAccessTokenVerifier(options)).toThrow(TypeError);
  });

  it('throws a TypeError for a wrong scope given to one verification', async () => {
    const verifier = createAccessTokenVerifier(base);
    await expect(
      verifier.verify('a.b.c', { requiredScope: 42 as unknown as string })
    ).rejects.toThrow(TypeError);
  });
});
