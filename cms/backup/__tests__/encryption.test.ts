import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';

import { describe, expect, it } from 'vitest';

import { decryptStream, encryptStream, SEGMENT_BYTES } from '../encryption.mjs';
import { generateBackupKey, parseBackupKey } from '../key.mjs';

const key = parseBackupKey(generateBackupKey());
const HEADER_BYTES = 57;
const SEALED_SEGMENT_BYTES = 4 + SEGMENT_BYTES + 16;

const encrypt = async (plaintext: Buffer) =>
  buffer(Readable.from([plaintext]).pipe(encryptStream(key)));

const decrypt = async (sealed: Buffer, withKey = key) => {
  const chunks: Buffer[] = [];
  // Small chunks, so that segments arrive in pieces as they do from a file.
  const pieces = Array.from({ length: Math.ceil(sealed.length / 5000) }, (_, i) =>
    sealed.subarray(i * 5000, (i + 1) * 5000)
  );
  await pipeline(Readable.from(pieces), decryptStream(withKey), async (source) => {
    for await (const chunk of source) chunks.push(chunk);
  });
  return Buffer.concat(chunks);
};

describe('encryptStream and decryptStream', () => {
  it('give back what went in, over several segments and for nothing at all', async () => {
    const plaintext = randomBytes(3 * SEGMENT_BYTES + 123);
    const sealed = await encrypt(plaintext);
    expect(sealed.length).toBe(HEADER_BYTES + 4 * 20 + plaintext.length);
    expect(sealed.includes(plaintext.subarray(0, 64))).toBe(false);
    expect((await decrypt(sealed)).equals(plaintext)).toBe(true);
    expect((await decrypt(await encrypt(Buffer.alloc(0)))).length).toBe(0);
  });

  it('refuse another key as the wrong key', async () => {
    const sealed = await encrypt(randomBytes(1000));
    await expect(decrypt(sealed, parseBackupKey(generateBackupKey()))).rejects.toMatchObject({
      code: 'ERR_BACKUP_WRONG_KEY',
      message: expect.stringContaining('BACKUP_ENCRYPTION_KEY'),
    });
  });

  it('refuse a changed byte, a file cut off at a segment boundary, and a segment added', async () => {
    const sealed = await encrypt(randomBytes(2 * SEGMENT_BYTES + 10));
    const changed = Buffer.from(sealed);
    changed[HEADER_BYTES + SEALED_SEGMENT_BYTES + 100] ^= 1;
    await expect(decrypt(changed)).rejects.toMatchObject({ code: 'ERR_BACKUP_CORRUPT' });
    const cut = sealed.subarray(0, HEADER_BYTES + 2 * SEALED_SEGMENT_BYTES);
    await expect(decrypt(cut)).rejects.toMatchObject({ code: 'ERR_BACKUP_CORRUPT' });
    const longer = Buffer.concat([sealed, sealed.subarray(HEADER_BYTES)]);
    await expect(decrypt(longer)).rejects.toMatchObject({ code: 'ERR_BACKUP_CORRUPT' });
  });

  it('tell a file that is no backup', async () => {
    await expect(decrypt(Buffer.from('{"name": "vixenhealth"}'))).rejects.toMatchObject({
      code: 'ERR_BACKUP_NOT_A_BACKUP',
    });
  });
});

describe('parseBackupKey', () => {
  it('wants 32 bytes in base64, and says so', () => {
    expect(parseBackupKey(randomBytes(32).toString('base64url'))).toHaveLength(32);
    expect(() => parseBackupKey('')).toThrow(
      expect.objectContaining({ code: 'ERR_BACKUP_NO_KEY' })
    );
    expect(() => parseBackupKey(randomBytes(16).toString('base64'))).toThrow(
      expect.objectContaining({ code: 'ERR_BACKUP_BAD_KEY' })
    );
  });
});
