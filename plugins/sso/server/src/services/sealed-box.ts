import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import type { Core } from '@strapi/strapi';

import { getConfig } from '../utils';

const VERSION = 'v1';

/**
 * Encrypts secrets kept in the database (private signing keys, client secrets) with AES-256-GCM
 * under ID_KEY_ENCRYPTION_KEY, so a copy of the database alone reveals none of them.
 */
const sealedBox = ({ strapi }: { strapi: Core.Strapi }) => {
  const key = () => Buffer.from(getConfig(strapi).keyEncryptionKey, 'base64');

  return {
    seal(plaintext: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key(), iv);
      const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), sealed]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },

    open(sealed: string): string {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || !data) throw new Error('Unknown sealed format');
      const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(data, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
};

export type SealedBoxService = ReturnType<typeof sealedBox>;
export default sealedBox;
