import { EncryptJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';

import { clinicSiteUrl } from '../src/lib/clinic-site-url';
import { seal, unseal } from '../src/lib/sealed';

beforeAll(() => {
  process.env.PORTAL_URL = 'http://localhost:4321';
  process.env.PORTAL_SESSION_SECRET = Buffer.alloc(32, 7).toString('base64url');
});

describe('a clinic’s own address', () => {
  it('is its own domain, over https, once verified', () => {
    expect(
      clinicSiteUrl(
        { subdomain: 'lisya-tropa', verifiedDomain: 'klinika-lisa.ru' },
        { baseDomain: 'localhost', port: '4322' }
      )
    ).toBe('https://klinika-lisa.ru');
  });

  it('is its subdomain: over http on the sites’ port in development, https otherwise', () => {
    const fox = { subdomain: 'lisya-tropa', verifiedDomain: null };
    expect(clinicSiteUrl(fox, { baseDomain: 'localhost', port: '4322' })).toBe(
      'http://lisya-tropa.localhost:4322'
    );
    expect(clinicSiteUrl(fox, { baseDomain: 'vixenhealth.ru', port: '4322' })).toBe(
      'https://lisya-tropa.vixenhealth.ru'
    );
  });
});

describe('sealed values', () => {
  it('open for their own purpose only', async () => {
    const value = await seal({ pending: { state: 'x' } }, 'sign-in', 60);
    expect((await unseal(value, 'sign-in')).pending).toEqual({ state: 'x' });
    await expect(unseal(value, 'session')).rejects.toMatchObject({
      code: 'ERR_JWE_DECRYPTION_FAILED',
    });
  });

  it('do not open when tampered with or sealed under another key', async () => {
    const value = await seal({ session: { user: { sub: 'a' } } }, 'session', 60);
    const [header, key, iv, ciphertext, tag] = value.split('.');
    const flipped = `${ciphertext.slice(0, -2)}${ciphertext.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(
      unseal([header, key, iv, flipped, tag].join('.'), 'session')
    ).rejects.toBeInstanceOf(Error);
    const foreign = await new EncryptJWT({ session: { user: { sub: 'a' } } })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .encrypt(new Uint8Array(32).fill(1));
    await expect(unseal(foreign, 'session')).rejects.toMatchObject({
      code: 'ERR_JWE_DECRYPTION_FAILED',
    });
  });

  it('expire', async () => {
    const value = await seal({ a: 1 }, 'session', -1);
    await expect(unseal(value, 'session')).rejects.toMatchObject({ code: 'ERR_JWT_EXPIRED' });
  });

  it('need a secret of 32 bytes at least', async () => {
    const secret = process.env.PORTAL_SESSION_SECRET;
    process.env.PORTAL_SESSION_SECRET = Buffer.alloc(16, 1).toString('base64url');
    try {
      await expect(seal({ a: 1 }, 'session', 60)).rejects.toBeInstanceOf(TypeError);
    } finally {
      process.env.PORTAL_SESSION_SECRET = secret;
    }
  });
});
