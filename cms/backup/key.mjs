import { randomBytes } from 'node:crypto';

import { BackupError } from './errors.mjs';

/** Bytes of `BACKUP_ENCRYPTION_KEY`: AES-256. */
export const KEY_BYTES = 32;

/**
 * A fresh key for `BACKUP_ENCRYPTION_KEY`: 32 random bytes, base64.
 * @returns {string}
 * @example
 * ```js
 * writeFileSync('.env', `BACKUP_ENCRYPTION_KEY=${generateBackupKey()}\n`, { flag: 'a' });
 * ```
 */
export const generateBackupKey = () => randomBytes(KEY_BYTES).toString('base64');

/**
 * The key from its text in `.env` (base64 or base64url of 32 bytes).
 * @param {string | undefined} text
 * @returns {Buffer}
 * @throws {BackupError} `ERR_BACKUP_NO_KEY` when empty, `ERR_BACKUP_BAD_KEY` when not 32 bytes.
 * @example
 * ```js
 * const key = parseBackupKey(process.env.BACKUP_ENCRYPTION_KEY);
 * ```
 */
export const parseBackupKey = (text) => {
  const trimmed = (text ?? '').trim();
  if (!trimmed) {
    throw new BackupError(
      'ERR_BACKUP_NO_KEY',
      'BACKUP_ENCRYPTION_KEY is not set: put the key in .env (npm start generates one); to restore, use the key the backup was made with.'
    );
  }
  const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : null;
  if (!key || key.length !== KEY_BYTES) {
    throw new BackupError(
      'ERR_BACKUP_BAD_KEY',
      `BACKUP_ENCRYPTION_KEY must be ${KEY_BYTES} random bytes in base64 (44 characters), e.g. from \`openssl rand -base64 32\`.`
    );
  }
  return key;
};
