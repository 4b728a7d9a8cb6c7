import { createHmac, randomInt } from 'node:crypto';

/** How many one-time recovery codes an account gets at a time. */
export const RECOVERY_CODE_COUNT = 10;
/** Letters and digits that cannot be mistaken for one another when read from paper. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUP = 5;

/** What a typed recovery code means, whatever its case, spaces and dashes. */
export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]+/g, '');

/** Could `code` be a recovery code (two groups of five)? Checked before any database query. */
export const looksLikeRecoveryCode = (code: string) =>
  new RegExp(`^[${ALPHABET}]{${GROUP * 2}}$`).test(normaliseRecoveryCode(code));

/** One new code, shown as `abcde-fghjk` (about 49 bits of randomness). */
const newCode = () => {
  const chars = Array.from({ length: GROUP * 2 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, GROUP).join('')}-${chars.slice(GROUP).join('')}`;
};

export const newRecoveryCodes = () => Array.from({ length: RECOVERY_CODE_COUNT }, newCode);

/**
 * A recovery code as it is kept: keyed with the server's key, so a copy of the database alone
 * cannot be searched for codes (a fast hash is enough for random codes of this length).
 */
export const hashRecoveryCode = (key: string, code: string) =>
  createHmac('sha256', key)
    .update(`recovery:${normaliseRecoveryCode(code)}`)
    .digest('base64url');
