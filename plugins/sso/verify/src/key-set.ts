import { createLocalJWKSet, createRemoteJWKSet, errors } from 'jose';
import type { CompactJWSHeaderParameters, CryptoKey, FlattenedJWSInput, LocalJWKSet } from 'jose';

import { AccessTokenError } from './errors';

/** After a failed fetch, how long the last known keys serve alone before ID is asked again. */
export const RETRY_AFTER_FAILURE_MS = 30_000;

/** Finds the public key a token names, as `jose`'s key sets do. */
export type KeySet = (
  header: CompactJWSHeaderParameters,
  token: FlattenedJWSInput
) => Promise<CryptoKey>;

/** Options of {@link createKeySet}. */
export interface KeySetOptions {
  jwksUri: URL;
  cacheMaxAge: number;
  fetchTimeoutMs: number;
}

/** A failed fetch of the key set, and the keys that serve until the next attempt. */
interface Outage {
  at: number;
  cause: unknown;
  lastKnown: LocalJWKSet | undefined;
}

/**
 * VixenHealth ID's signing keys. `jose`'s remote set fetches them, caches them
 * for `cacheMaxAge` and fetches again when a token names an unknown `kid` (at most every 30 s).
 * When a fetch fails (ID unreachable, not 200, too slow, not a key set), the keys the remote set
 * last loaded keep verifying tokens, and ID is asked again only after
 * {@link RETRY_AFTER_FAILURE_MS}, so that an outage does not slow every request by a timeout.
 *
 * Cache ages follow the system clock (`Date.now()`), as in `jose`.
 * @throws AccessTokenError `ERR_VH_KEYS_UNAVAILABLE` when the keys cannot be fetched and the
 * token's key is not among those already known.
 */
export function createKeySet({ jwksUri, cacheMaxAge, fetchTimeoutMs }: KeySetOptions): KeySet {
  const remote = createRemoteJWKSet(jwksUri, { cacheMaxAge, timeoutDuration: fetchTimeoutMs });
  let outage: Outage | undefined;

  return async (header, token) => {
    if (outage === undefined || Date.now() - outage.at >= RETRY_AFTER_FAILURE_MS) {
      try {
        const key = await remote(header, token);
        outage = undefined;
        return key;
      } catch (error) {
        if (isKeySelectionError(error)) {
          outage = undefined;
          throw error;
        }
        const jwks = remote.jwks();
        outage = { at: Date.now(), cause: error, lastKnown: jwks && createLocalJWKSet(jwks) };
      }
    }
    return fromLastKnown(outage, header, token);
  };
}

/** Errors the remote set throws after it has keys: about the token, not about fetching. */
function isKeySelectionError(error: unknown): boolean {
  return (
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys ||
    error instanceof errors.JOSENotSupported
  );
}

async function fromLastKnown(
  outage: Outage,
  header: CompactJWSHeaderParameters,
  token: FlattenedJWSInput
): Promise<CryptoKey> {
  try {
    if (outage.lastKnown) return await outage.lastKnown(header, token);
  } catch (error) {
    if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
  }
  throw new AccessTokenError(
    'ERR_VH_KEYS_UNAVAILABLE',
    'VixenHealth ID cannot be reached to check this access token. Please try again shortly.',
    { cause: outage.cause }
  );
}
