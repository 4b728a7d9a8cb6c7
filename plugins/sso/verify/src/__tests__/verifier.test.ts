import { SignJWT, base64url, createLocalJWKSet, exportSPKI } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAccessTokenVerifier } from '../verifier';
import type { AccessTokenVerifierOptions } from '../options';
import {
  AUDIENCE,
  EXPIRES_AT,
  ISSUED_AT,
  createSigningKey,
  refusal,
  signAccessToken,
  startIdServer,
  userClaims,
} from './support/id-server';
import type { IdServer, SigningKey } from './support/id-server';

let es256: SigningKey;
let rs256: SigningKey;
let others: SigningKey[];
let server: IdServer;

beforeAll(async () => {
  es256 = await createSigningKey('ES256', 'es-1');
  rs256 = await createSigningKey('RS256', 'rs-1');
  others = [
    await createSigningKey('ES384', 'es384-1'),
    await createSigningKey('PS256', 'ps-1'),
    await createSigningKey('EdDSA', 'ed-1'),
  ];
  server = await startIdServer([es256, rs256, ...others]);
});

afterAll(() => server.stop());

/** A verifier whose clock reads `at` (default: one minute after the tokens were issued). */
function verifier(
  at = new Date(ISSUED_AT.getTime() + 60_000),
  options: Partial<AccessTokenVerifierOptions> = {}
) {
  return createAccessTokenVerifier({
    issuer: server.issuer,
    audience: AUDIENCE,
    currentDate: () => at,
    ...options,
  });
}

function secondsAfter(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}

describe('verify: accepted tokens', () => {
  it('returns the typed claims of an ES256 user token', async () => {
    const claims = userClaims(server.issuer);
    const token = await signAccessToken(es256, claims);

    await expect(verifier().verify(token)).resolves.toEqual({
      sub: 'user-42',
      clientId: 'clinic-site',
      scope: ['openid', 'profile', 'appointments:read'],
      roles: ['clinic-owner', 'patient'],
      permissions: ['account:manage', 'clinics:manage'],
      clinics: [{ id: 'clinic-7', role: 'owner' }],
      groups: [],
      department: null,
      actor: null,
      expiresAt: EXPIRES_AT,
      payload: claims,
    });
  });

  it('accepts an RS256 token', async () => {
    const token = await signAccessToken(rs256, userClaims(server.issuer));

    await expect(verifier().verify(token)).resolves.toMatchObject({ sub: 'user-42' });
  });

  it.each(['ES384', 'PS256', 'EdDSA'])('accepts a %s token when allowed', async (alg) => {
    const key = others.find((candidate) => candidate.alg === alg)!;
    const token = await signAccessToken(key, userClaims(server.issuer));

    const check = verifier(undefined, { algorithms: [key.alg] });
    await expect(check.verify(token)).resolves.toMatchObject({ sub: 'user-42' });
    const error = await refusal(verifier().verify(token), 'ERR_VH_TOKEN_INVALID');
    expect(error.cause).toMatchObject({ code: 'ERR_JOSE_ALG_NOT_ALLOWED' });
  });

  it('accepts a client-credentials token without roles, permissions or clinics', async () => {
    const claims = userClaims(server.issuer, {
      sub: 'booking-service',
      client_id: 'booking-service',
      scope: undefined,
      roles: undefined,
      permissions: undefined,
      clinics: undefined,
    });
    const token = await signAccessToken(es256, claims);

    await expect(verifier().verify(token)).resolves.toMatchObject({
      sub: 'booking-service',
      clientId: 'booking-service',
      scope: [],
      roles: [],
      permissions: [],
      clinics: [],
    });
  });

  it('accepts one of several audiences', async () => {
    const token = await signAccessToken(es256, userClaims(server.issuer));
    const check = verifier(undefined, { audience: ['https://cms.vixenhealth.test', AUDIENCE] });

    await expect(check.verify(token)).resolves.toMatchObject({ sub: 'user-42' });
  });

  it('allows the clock tolerance after exp', async () => {
    const token = await signAccessToken(es256, userClaims(server.issuer));

    await expect(verifier(secondsAfter(EXPIRES_AT, 4)).verify(token)).resolves.toBeDefined();
  });
});

describe('verify: refused tokens', () => {
  it('refuses an expired token', async () => {
    const token = await signAccessToken(es256, userClaims(server.issuer));

    const error = await refusal(
      verifier(secondsAfter(EXPIRES_AT, 6)).verify(token),
      'ERR_VH_TOKEN_EXPIRED'
    );
    expect(error.cause).toMatchObject({ code: 'ERR_JWT_EXPIRED' });
  });

  it('refuses a token that is not valid yet', async () => {
    const nbf = ISSUED_AT.getTime() / 1000 + 600;
    const token = await signAccessToken(es256, userClaims(server.issuer, { nbf }));

    const error = await refusal(verifier().verify(token), 'ERR_VH_TOKEN_CLAIM');
    expect(error).toMatchObject({ claim: 'nbf', message: 'This access token is not valid yet.' });
  });

  it('refuses a token from another issuer', async () => {
    const token = await signAccessToken(es256, userClaims('https://id.elsewhere.test'));

    const error = await refusal(verifier().verify(token), 'ERR_VH_TOKEN_CLAIM');
    expect(error.claim).toBe('iss');
  });

  it('refuses a token for another audience', async () => {
    const token = await signAccessToken(
      es256,
      userClaims(server.issuer, { aud: 'https://other.test' })
    );

    const error = await refusal(verifier().verify(token), 'ERR_VH_TOKEN_CLAIM');
    expect(error.claim).toBe('aud');
  });

  it('refuses a token without a required RFC 9068 claim', async () => {
    const token = await signAccessToken(es256, userClaims(server.issuer, { client_id: undefined }));

    const error = await refusal(verifier().verify(token), 'ERR_VH_TOKEN_CLAIM');
    expect(error).toMatchObject({
      claim: 'client_id',
      message: 'This access token has no "client_id" claim.',
    });
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const encode = (value: object) => base64url.encode(JSON.stringify(value));
    const token = `${encode({ alg: 'none', typ: 'at+jwt' })}.${encode(userClaims(server.issuer))}.`;

    const error = await refusal(verifier().verify(token), 'ERR_VH_TOKEN_INVALID');
    expect(error.cause).toMatchObject({ code: 'ERR_JOSE_ALG_NOT_ALLOWED' });
  });

  it('refuses an HS256 token keyed with the public key (algorithm confusion)', async () => {
    const secret = new TextEncoder().encode(await exportSPKI(rs256.publicKey));
    const token = await new SignJWT(userClaims(server.issuer))
      .setProtectedHeader({ alg: 'HS256', kid: rs256.kid, typ: 'at+jwt' })
      .sign(secret);

    const error = await refusal(verifier().verify(token), 'ERR_VH_TOKEN_INVALID');
    expect(error.cause).toMatchObject({ code: 'ERR_JOSE_ALG_NOT_ALLOWED' });
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await signAccessToken(es256, userClaims(server.issuer))).split(
      '.'
    );
    const payload = base64url.encode(
      JSON.stringify(userClaims(server.issuer, { roles: ['admin'] }))
    );

    const error = await refusal(
      verifier().verify(`${header}.${payload}.${signature}`),
      'ERR_VH_TOKEN_INVALID'
    );
    expect(error.cause).toMatchObject({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
  });

  it.each([
    ['an ID token', 'JWT'],
    ['a token without typ', undefined],
  ])('refuses %s (typ must be at+jwt)', async (_label, typ) => {
    const token = await signAccessToken(es256, userClaims(server.issuer), { typ });

    const error = await refusal(verifier().verify(token), 'ERR_VH_TOKEN_INVALID');
    expect(error.cause).toMatchObject({ code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'typ' });
  });

  it('refuses a token with an extension it does not understand (crit)', async () => {
    // Signed by hand: jose refuses to sign what it does not understand either.
    const encode = (value: object) => base64url.encode(JSON.stringify(value));
    const header = { alg: 'ES256', kid: es256.kid, typ: 'at+jwt', crit: ['x-ext'], 'x-ext': 1 };
    const input = `${encode(header)}.${encode(userClaims(server.issuer))}`;
    const signature = await crypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      es256.privateKey,
      new TextEncoder().encode(input)
    );
    const token = `${input}.${base64url.encode(new Uint8Array(signature))}`;

    const error = await refusal(verifier().verify(token), 'ERR_VH_TOKEN_INVALID');
    expect(error.cause).toMatchObject({ code: 'ERR_JWS_INVALID' });
  });

  it('refuses a signature made by another key under a published kid', async () => {
    const impostor = await createSigningKey('ES256', es256.kid);
    const token = await signAccessToken(impostor, userClaims(server.issuer));

    const error = await refusal(verifier().verify(token), 'ERR_VH_TOKEN_INVALID');
    expect(error.cause).toMatchObject({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
  });

  it('refuses a token whose iat is not a number', async () => {
    const token = await signAccessToken(
      es256,
      userClaims(server.issuer, { iat: 'yesterday' as unknown as number })
    );

    const error = await refusal(verifier().verify(token), 'ERR_VH_TOKEN_CLAIM');
    expect(error.claim).toBe('iat');
  });

  it('refuses an RS256 token when only ES256 is allowed', async () => {
    const token = await signAccessToken(rs256, userClaims(server.issuer));

    const error = await refusal(
      verifier(undefined, { algorithms: ['ES256'] }).verify(token),
      'ERR_VH_TOKEN_INVALID'
    );
    expect(error.cause).toMatchObject({ code: 'ERR_JOSE_ALG_NOT_ALLOWED' });
  });

  it('refuses a token with malformed roles', async () => {
    const token = await signAccessToken(es256, userClaims(server.issuer, { roles: 'admin' }));

    const error = await refusal(verifier().verify(token), 'ERR_VH_TOKEN_CLAIM');
    expect(error.claim).toBe('roles');
  });

  it.each([
    ['an empty string', ''],
    ['garbage', 'not-a-jwt'],
  ])('refuses %s', async (_label, token) => {
    await refusal(verifier().verify(token), 'ERR_VH_TOKEN_INVALID');
  });
});

describe('verify: required scope', () => {
  it('refuses a token without the scope the verifier requires', async () => {
    const token = await signAccessToken(es256, userClaims(server.issuer));
    const check = verifier(undefined, { requiredScope: 'appointments:write' });

    const error = await refusal(check.verify(token), 'ERR_VH_TOKEN_SCOPE');
    expect(error).toMatchObject({
      claim: 'scope',
      message: 'This access token does not grant the scope "appointments:write".',
    });
  });

  it('adds the scope required by one verification to the verifier’s', async () => {
    const token = await signAccessToken(es256, userClaims(server.issuer));
    const check = verifier(undefined, { requiredScope: ['openid'] });

    await expect(
      check.verify(token, { requiredScope: 'appointments:read' })
    ).resolves.toBeDefined();
    await refusal(check.verify(token, { requiredScope: 'clinic:write' }), 'ERR_VH_TOKEN_SCOPE');
  });

  it('refuses a client-credentials token without scope when one is required', async () => {
    const token = await signAccessToken(es256, userClaims(server.issuer, { scope: undefined }));

    await refusal(verifier().verify(token, { requiredScope: 'openid' }), 'ERR_VH_TOKEN_SCOPE');
  });
});

describe('verify: keys and revocations the service holds itself', () => {
  it('verifies with a key set given instead of fetching the JWKS', async () => {
    const requestsBefore = server.requests;
    const check = verifier(undefined, { keySet: createLocalJWKSet({ keys: [es256.jwk] }) });

    await expect(
      check.verify(await signAccessToken(es256, userClaims(server.issuer)))
    ).resolves.toMatchObject({ sub: 'user-42' });
    await refusal(
      check.verify(await signAccessToken(rs256, userClaims(server.issuer))),
      'ERR_VH_TOKEN_INVALID'
    );
    expect(server.requests).toBe(requestsBefore);
  });

  it('refuses a token the given revocation check names, after its signature is checked', async () => {
    const asked: unknown[] = [];
    const check = verifier(undefined, {
      isRevoked: (claims) => {
        asked.push(claims.jti);
        return claims.jti === 'revoked-token';
      },
    });
    const revoked = await signAccessToken(
      es256,
      userClaims(server.issuer, { jti: 'revoked-token' })
    );
    const forged = await signAccessToken(
      others.find((key) => key.alg === 'ES384')!,
      userClaims(server.issuer, { jti: 'forged-token' })
    );

    await refusal(check.verify(revoked), 'ERR_VH_TOKEN_REVOKED');
    await refusal(check.verify(forged), 'ERR_VH_TOKEN_INVALID');
    await expect(
      check.verify(await signAccessToken(es256, userClaims(server.issuer)))
    ).resolves.toBeDefined();
    expect(asked).toEqual(['revoked-token', userClaims(server.issuer).jti]);
  });
});

describe('verify: tokens of staff acting as the person (impersonation)', () => {
  const act = { sub: 'admin:3', email: 'lead@vixenhealth.example' };

  it('refuses them unless the call allows impersonation', async () => {
    const token = await signAccessToken(es256, userClaims(server.issuer, { act }));

    const error = await refusal(verifier().verify(token), 'ERR_VH_TOKEN_IMPERSONATED');
    expect(error.claim).toBe('act');
    const allowed = await verifier().verify(token, { allowImpersonation: true });
    expect(allowed).toMatchObject({ sub: 'user-42', actor: act });
  });

  it('refuses a malformed act even when impersonation is allowed', async () => {
    for (const bad of ['admin:3', { sub: '', email: 'x' }, { sub: 'admin:3' }, [act]]) {
      const token = await signAccessToken(es256, userClaims(server.issuer, { act: bad }));
      const error = await refusal(
        verifier().verify(token, { allowImpersonation: true }),
        'ERR_VH_TOKEN_CLAIM'
      );
      expect(error.claim).toBe('act');
    }
  });

  it('says actor: null for the person’s own token', async () => {
    const token = await signAccessToken(es256, userClaims(server.issuer));
    await expect(verifier().verify(token)).resolves.toMatchObject({ actor: null });
  });
});
