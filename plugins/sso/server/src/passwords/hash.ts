import { Algorithm, hash, verify } from '@node-rs/argon2';
import { scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';

/**
 * Argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): memory-hard, and
 * about 18 ms of one core on our machines (bench/README.md, the ID cases).
 * The parameters are stored with each hash (PHC string format), so they can be raised later and
 * old hashes upgraded at sign-in.
 */
export const CURRENT_PARAMS = {
  algorithm: Algorithm.Argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

const CURRENT_PREFIX = `$argon2id$v=19$m=${CURRENT_PARAMS.memoryCost},t=${CURRENT_PARAMS.timeCost},p=${CURRENT_PARAMS.parallelism}$`;

/** A PHC string: `$argon2id$v=19$m=…,t=…,p=…$salt$hash`. */
export const hashPassword = (password: string): Promise<string> => hash(password, CURRENT_PARAMS);

/** True when `password` matches `stored`; compares in constant time. */
export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  if (stored.startsWith('$argon2')) return verify(stored, password).catch(() => false);
  if (stored.startsWith('scrypt$')) return verifyLegacyScrypt(password, stored);
  return false;
};

/** True when `stored` was not made with today's algorithm and parameters. */
export const needsRehash = (stored: string): boolean => !stored.startsWith(CURRENT_PREFIX);

/** A hash of nothing, verified for unknown emails so their answer takes as long as a real one. */
export const DECOY_HASH = `${CURRENT_PREFIX}${'A'.repeat(22)}$${'A'.repeat(43)}`;

/**
 * Hashes of the first release (`scrypt$N$r$p$salt$hash`, base64url), still accepted so that
 * nobody is locked out; each is replaced by an Argon2id hash at its owner's next sign-in.
 */
const verifyLegacyScrypt = (password: string, stored: string): Promise<boolean> => {
  const [, N, r, p, salt, expected] = stored.split('$');
  const expectedHash = Buffer.from(expected ?? '', 'base64url');
  if (!salt || expectedHash.length === 0) return Promise.resolve(false);
  return new Promise((resolve) =>
    scryptCallback(
      password,
      Buffer.from(salt, 'base64url'),
      expectedHash.length,
      { N: Number(N), r: Number(r), p: Number(p), maxmem: 256 * 1024 * 1024 },
      (error, key) => resolve(!error && timingSafeEqual(key, expectedHash))
    )
  );
};
