import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import { TelephonyError } from '../errors';

const ALGORITHM = 'aes-256-gcm';
const VERSION = 'v1';

/**
 * Seals secrets kept in the database (integration secrets, agents' SIP passwords) with
 * AES-256-GCM under the key from the environment: a copy of the database alone reveals none.
 * A sealed value reads `v1.<iv>.<tag>.<ciphertext>`, each part base64url.
 */
export const createSecretBox = (base64Key: string) => {
  const key = base64Key ? Buffer.from(base64Key, 'base64') : null;
  const requireKey = () => {
    if (!key || key.length !== 32) {
      throw new TelephonyError(
        'not-configured',
        'Telephony secrets cannot be stored: TELEPHONY_ENCRYPTION_KEY is not set'
      );
    }
    return key;
  };
  return {
    seal(plain: string) {
      const iv = randomBytes(12);
      const cipher = createCipheriv(ALGORITHM, requireKey(), iv);
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), sealed]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    open(sealed: string) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || data === undefined) {
        throw new TelephonyError('not-configured', 'A stored telephony secret is unreadable');
      }
      const decipher = createDecipheriv(ALGORITHM, requireKey(), Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(data, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
};

export type SecretBox = ReturnType<typeof createSecretBox>;
