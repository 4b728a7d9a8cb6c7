import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { RETRY_AFTER_FAILURE_MS } from '../key-set';
import { createAccessTokenVerifier } from '../verifier';
import type { AccessTokenVerifier } from '../verifier';
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
import type { IdServer, JwksMode, SigningKey } from './support/id-server';

const CACHE_MAX_AGE_MS = 10 * 60 * 1000;
/** jose's own: an unknown kid makes it fetch again only this long after the last fetch. */
const JOSE_COOLDOWN_MS = 30_000;

let current: SigningKey;
let next: SigningKey;
let server: IdServer;
let verifier: AccessTokenVerifier;

beforeAll(async () => {
  current = await createSigningKey('ES256', 'key-2030-01');
  next = await createSigningKey('ES256', 'key-2030-02');
});

// The key cache ages by the system clock (Date.now), as in jose: only Date is faked.
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(ISSUED_AT);
  server = await startIdServer([current]);
  verifier = createAccessTokenVerifier({
    issuer: server.issuer,
    audience: AUDIENCE,
    fetchTimeoutMs: 200,
  });
});

afterEach(async () => {
  vi.useRealTimers();
  await server.stop();
});

function advance(ms: number): void {
  vi.setSystemTime(Date.now() + ms);
}

function tokenSignedBy(key: SigningKey): Promise<string> {
  return signAccessToken(key, userClaims(server.issuer));
}

/** Takes VixenHealth ID down in one of the ways it can fail. */
async function takeDown(how: 'stopped' | Exclude<JwksMode, 'up'>): Promise<void> {
  if (how === 'stopped') await server.stop();
  else server.mode = how;
}

describe('fetching keys', () => {
  it('fetches the keys once and reuses them until cacheMaxAge', async () => {
    const token = await tokenSignedBy(current);

    await verifier.verify(token);
    await verifier.verify(token);
    expect(server.requests).toBe(1);

    advance(CACHE_MAX_AGE_MS + 1);
    await verifier.verify(token);
    expect(server.requests).toBe(2);
  });

  it('fetches again for an unknown kid, and verifies tokens signed by a rotated-in key', async () => {
    await verifier.verify(await tokenSignedBy(current));
    server.keys = [current, next];
    advance(JOSE_COOLDOWN_MS + 1);

    await expect(verifier.verify(await tokenSignedBy(next))).resolves.toMatchObject({
      sub: 'user-42',
    });
    expect(server.requests).toBe(2);
  });

  it('refuses an unknown kid right after a fetch, without asking again (jose cooldown)', async () => {
    await verifier.verify(await tokenSignedBy(current));
    server.keys = [current, next];

    const error = await refusal(verifier.verify(await tokenSignedBy(next)), 'ERR_VH_TOKEN_INVALID');
    expect(error.cause).toMatchObject({ code: 'ERR_JWKS_NO_MATCHING_KEY' });
    expect(server.requests).toBe(1);
  });

  it('refuses a kid VixenHealth ID does not publish as invalid', async () => {
    const stranger = await createSigningKey('ES256', 'not-ours');

    const error = await refusal(
      verifier.verify(await tokenSignedBy(stranger)),
      'ERR_VH_TOKEN_INVALID'
    );
    expect(error.cause).toMatchObject({ code: 'ERR_JWKS_NO_MATCHING_KEY' });
  });
});

describe('verifying while VixenHealth ID is down', () => {
  it.each(['stopped', 'failing', 'hanging'] as const)(
    'keeps verifying tokens signed by known keys past cacheMaxAge (ID %s)',
    async (how) => {
      const token = await tokenSignedBy(current);
      await verifier.verify(token);

      await takeDown(how);
      advance(CACHE_MAX_AGE_MS + 1);

      await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'user-42' });
      advance(RETRY_AFTER_FAILURE_MS - 1);
      await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'user-42' });
      if (how !== 'stopped') expect(server.requests).toBe(2); // asked once, then left alone
    }
  );

  it('refuses known-key tokens once they expire', async () => {
    const token = await tokenSignedBy(current);
    await verifier.verify(token);

    await takeDown('stopped');
    vi.setSystemTime(EXPIRES_AT.getTime() + 6_000);

    await refusal(verifier.verify(token), 'ERR_VH_TOKEN_EXPIRED');
  });

  it.each(['stopped', 'failing', 'hanging'] as const)(
    'refuses an unknown kid with ERR_VH_KEYS_UNAVAILABLE (ID %s)',
    async (how) => {
      await verifier.verify(await tokenSignedBy(current));

      await takeDown(how);
      advance(JOSE_COOLDOWN_MS + 1);

      const error = await refusal(
        verifier.verify(await tokenSignedBy(next)),
        'ERR_VH_KEYS_UNAVAILABLE'
      );
      expect(error.cause).toBeInstanceOf(Error);
    }
  );

  it('refuses every token with ERR_VH_KEYS_UNAVAILABLE when keys were never loaded', async () => {
    await takeDown('failing');

    const error = await refusal(
      verifier.verify(await tokenSignedBy(current)),
      'ERR_VH_KEYS_UNAVAILABLE'
    );
    expect(error.cause).toMatchObject({ code: 'ERR_JOSE_GENERIC' });
  });

  it('asks again after the retry interval, and picks up rotated keys once ID is back', async () => {
    await verifier.verify(await tokenSignedBy(current));
    await takeDown('failing');
    advance(CACHE_MAX_AGE_MS + 1);
    await verifier.verify(await tokenSignedBy(current));
    expect(server.requests).toBe(2);

    server.mode = 'up';
    server.keys = [current, next];
    await refusal(verifier.verify(await tokenSignedBy(next)), 'ERR_VH_KEYS_UNAVAILABLE');
    expect(server.requests).toBe(2);

    advance(RETRY_AFTER_FAILURE_MS);
    await expect(verifier.verify(await tokenSignedBy(next))).resolves.toMatchObject({
      sub: 'user-42',
    });
    expect(server.requests).toBe(3);
  });
});
