import { hkdfSync } from 'node:crypto';

import { EncryptJWT, jwtDecrypt, type JWTPayload } from 'jose';

/** What a sealed value is for: each gets a key of its own, so one cannot pass for the other. */
export type SealPurpose = 'session' | 'sign-in';

const MIN_SECRET_BYTES = 32;

/** Keys derived from `PORTAL_SESSION_SECRET`, per secret and purpose (HKDF is not free). */
const keys = new Map<string, Uint8Array>();

/**
 * The 256-bit key for `purpose`, derived with HKDF-SHA-256 from `PORTAL_SESSION_SECRET` (32 or
 * more random bytes, base64url; `npm start` generates it into `.env`).
 * @throws TypeError when the secret is missing or too short: the portal cannot keep anyone
 * signed in without it, and a weak one would let sessions be forged.
 */
const keyFor = (purpose: SealPurpose): Uint8Array => {
  const secret = process.env.PORTAL_SESSION_SECRET ?? '';
  const cacheKey = `${purpose}:${secret}`;
  const cached = keys.get(cacheKey);
  if (cached) return cached;
  const bytes = /^[A-Za-z0-9_-]+$/.test(secret)
    ? Buffer.from(secret, 'base64url')
    : Buffer.alloc(0);
  if (bytes.length < MIN_SECRET_BYTES) {
    throw new TypeError(
      `PORTAL_SESSION_SECRET must be at least ${MIN_SECRET_BYTES} random bytes, base64url (npm start generates one into .env)`
    );
  }
  const key = new Uint8Array(hkdfSync('sha256', bytes, '', `vixenhealth-portal ${purpose}`, 32));
  keys.set(cacheKey, key);
  return key;
};

/**
 * Encrypts `claims` into a JWT (JWE compact, `dir` + `A256GCM`): unreadable and unforgeable
 * without the portal's secret, valid for `ttlSeconds`.
 *
 * @example
 * ```ts
 * const value = await seal({ verifier, state }, 'sign-in', 600);
 * ```
 */
export const seal = async (claims: JWTPayload, purpose: SealPurpose, ttlSeconds: number) =>
  new EncryptJWT(claims)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .encrypt(keyFor(purpose));

/**
 * The claims of a value {@link seal} made for the same purpose.
 * @throws jose's `JOSEError` (with its `code`) for anything else: tampered, expired, sealed
 * under another secret or for another purpose.
 *
 * @example
 * ```ts
 * const { verifier, state } = await unseal(cookie, 'sign-in');
 * ```
 */
export const unseal = async (value: string, purpose: SealPurpose): Promise<JWTPayload> =>
  (
    await jwtDecrypt(value, keyFor(purpose), {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
    })
  ).payload;
