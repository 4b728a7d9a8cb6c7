import {
  randomBytes,
  scrypt as scryptCallback,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto';

/**
 * scrypt, memory-hard: N = 2^14, r = 8 (16 MiB, about 40 ms on our machines), the strongest
 * setting that keeps sign-in under its latency budget on 2 cores. The parameters are stored with
 * each hash, so they can be raised later and old hashes upgraded at sign-in.
 */
export const CURRENT_PARAMS = { N: 2 ** 14, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

const scrypt = (password: string, salt: Buffer, params: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCallback(
      password,
      salt,
      KEY_LENGTH,
      { ...params, maxmem: 256 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key))
    )
  );

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, CURRENT_PARAMS);
  const { N, r, p } = CURRENT_PARAMS;
  return ['scrypt', N, r, p, salt.toString('base64url'), hash.toString('base64url')].join('$');
};

const parse = (stored: string) => {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return null;
  return {
    params: { N: Number(N), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt, 'base64url'),
    hash: Buffer.from(hash, 'base64url'),
  };
};

/** True when `password` matches `stored`; compares in constant time. */
export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const parsed = parse(stored);
  if (!parsed) return false;
  const candidate = await scrypt(password, parsed.salt, parsed.params);
  return candidate.length === parsed.hash.length && timingSafeEqual(candidate, parsed.hash);
};

/** True when `stored` was made with weaker parameters than today's. */
export const needsRehash = (stored: string): boolean => {
  const parsed = parse(stored);
  return !parsed || parsed.params.N < CURRENT_PARAMS.N || parsed.params.r < CURRENT_PARAMS.r;
};

/** A hash of nothing, verified for unknown emails so their answer takes as long as a real one. */
export const DECOY_HASH = `scrypt$${CURRENT_PARAMS.N}$${CURRENT_PARAMS.r}$${CURRENT_PARAMS.p}$${'A'.repeat(22)}$${'A'.repeat(43)}`;
