import { hkdfSync } from 'node:crypto';

import { EncryptJWT, jwtDecrypt, type JWTPayload } from 'jose';

/** What a sealed value is for: each gets a key of its own, so one cannot pass for the other. */
export type SealPurpose = 'session' | 'sign-in';

/** Encrypts and opens an app's cookies; made by {@link createSealer}. */
export interface Sealer {
  /**
   * Encrypts `claims` into a JWT (JWE compact, `dir` + `A256GCM`): unreadable and unforgeable
   * without the app's secret, valid for `ttlSeconds`.
   */
  seal(claims: JWTPayload, purpose: SealPurpose, ttlSeconds: number): Promise<string>;
  /**
   * The claims of a value `seal` made for the same purpose.
   * @throws jose's `JOSEError` (with its `code`) for anything else: tampered, expired, sealed
   * under another secret, for another purpose or for another app.
   */
  unseal(value: string, purpose: SealPurpose): Promise<JWTPayload>;
}

export interface SealerOptions {
  /** Mixed into every key, so that two apps given the same secret still cannot read each other's. */
  keyLabel: string;
  /** The secret, read on every use (tests and restarts change it). */
  secret: () => string | undefined;
  /** The environment variable holding it, named when it is missing. */
  secretName: string;
}

const MIN_SECRET_BYTES = 32;

/**
 * A {@link Sealer} whose keys are derived with HKDF-SHA-256 from the app's secret (32 or more
 * random bytes, base64url), one per purpose, info `vixenhealth-<keyLabel> <purpose>`.
 *
 * @example
 * ```ts
 * const sealer = createSealer({ keyLabel: 'docs', secret: () => process.env.DOCS_SESSION_SECRET, secretName: 'DOCS_SESSION_SECRET' });
 * const value = await sealer.seal({ verifier, state }, 'sign-in', 600);
 * ```
 */
export const createSealer = ({ keyLabel, secret, secretName }: SealerOptions): Sealer => {
  /** Keys per secret and purpose (HKDF is not free). */
  const keys = new Map<string, Uint8Array>();

  /**
   * @throws TypeError when the secret is missing or too short: the app cannot keep anyone
   * signed in without it, and a weak one would let sessions be forged.
   */
  const keyFor = (purpose: SealPurpose): Uint8Array => {
    const value = secret() ?? '';
    const cacheKey = `${purpose}:${value}`;
    const cached = keys.get(cacheKey);
    if (cached) return cached;
    const bytes = /^[A-Za-z0-9_-]+$/.test(value)
      ? Buffer.from(value, 'base64url')
      : Buffer.alloc(0);
    if (bytes.length < MIN_SECRET_BYTES) {
      throw new TypeError(
        `${secretName} must be at least ${MIN_SECRET_BYTES} random bytes, base64url (npm start generates one into .env)`
      );
    }
    const key = new Uint8Array(
      hkdfSync('sha256', bytes, '', `vixenhealth-${keyLabel} ${purpose}`, 32)
    );
    keys.set(cacheKey, key);
    return key;
  };

  return {
    seal: async (claims, purpose, ttlSeconds) =>
      new EncryptJWT(claims)
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .encrypt(keyFor(purpose)),
    unseal: async (value, purpose) =>
      (
        await jwtDecrypt(value, keyFor(purpose), {
          keyManagementAlgorithms: ['dir'],
          contentEncryptionAlgorithms: ['A256GCM'],
        })
      ).payload,
  };
};
