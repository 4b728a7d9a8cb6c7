import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const VERSION = 'v1';

/** A sealed value that is not ours, or was sealed under another key. */
export class UnreadableSealError extends Error {
  constructor() {
    super('A sealed secret could not be opened: unknown format or another key');
    this.name = 'UnreadableSealError';
  }
}

/**
 * Seals secrets kept in a database (signing keys, client secrets, integration secrets, SIP
 * passwords) with AES-256-GCM under a key from the environment, so a copy of the database alone
 * reveals none of them. A sealed value reads `v1.<iv>.<tag>.<ciphertext>`, each part base64url.
 * `key` is asked on every use, so a missing key fails the use, not the start.
 */
export const createSealedBox = (key: () => Buffer) => ({
  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, key(), iv);
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), sealed]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  },

  open(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined) throw new UnreadableSealError();
    try {
      const decipher = createDecipheriv(ALGORITHM, key(), Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(data, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new UnreadableSealError();
    }
  },
});

export type SealedBox = ReturnType<typeof createSealedBox>;
