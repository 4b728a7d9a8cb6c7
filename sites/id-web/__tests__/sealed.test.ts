import { EncryptJWT } from 'jose';
import { describe, expect, it } from 'vitest';

import { createSealer } from '../src/lib/sealed';

let secret = Buffer.alloc(32, 7).toString('base64url');
const sealerOf = (keyLabel: string) =>
  createSealer({ keyLabel, secret: () => secret, secretName: 'TEST_SESSION_SECRET' });
const { seal, unseal } = sealerOf('portal');

describe('sealed values', () => {
  it('open for their own purpose only', async () => {
    const value = await seal({ pending: { state: 'x' } }, 'sign-in', 60);
    expect((await unseal(value, 'sign-in')).pending).toEqual({ state: 'x' });
    await expect(unseal(value, 'session')).rejects.toMatchObject({
      code: 'ERR_JWE_DECRYPTION_FAILED',
    });
  });

  it('open for their own app only, even under the same secret', async () => {
    const value = await seal({ session: { user: { sub: 'a' } } }, 'session', 60);
    await expect(sealerOf('docs').unseal(value, 'session')).rejects.toMatchObject({
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

  it('need a secret of 32 bytes at least, and say which variable holds it', async () => {
    const saved = secret;
    secret = Buffer.alloc(16, 1).toString('base64url');
    try {
      await expect(seal({ a: 1 }, 'session', 60)).rejects.toThrow(
        new TypeError(
          'TEST_SESSION_SECRET must be at least 32 random bytes, base64url (npm start generates one into .env)'
        )
      );
    } finally {
      secret = saved;
    }
  });
});
