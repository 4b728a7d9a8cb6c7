import type { Core } from '@strapi/strapi';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JWK, type JWTPayload } from 'jose';

import { getConfig, getService } from '../utils';
import { KEYS_CHANGED } from './signing-keys';

const RELOAD_COOLDOWN_MS = 30_000;

/** A genuine access token of ours that has been revoked, or whose grant has. */
export class RevokedTokenError extends Error {
  readonly code = 'ERR_VH_TOKEN_REVOKED';

  constructor() {
    super('The access token has been revoked');
    this.name = 'RevokedTokenError';
  }
}

/**
 * ID's own API access tokens (JWTs), checked in-process against its published keys, pinning
 * issuer, audience, algorithms and `typ`, and against the revocation list.
 */
const accessTokens = ({ strapi }: { strapi: Core.Strapi }) => {
  // The published keys, read once and again only when they change: not on every request.
  let jwks: ReturnType<typeof createLocalJWKSet> | null = null;
  let loadedAt = 0;
  strapi.eventHub.on(KEYS_CHANGED, async () => {
    jwks = null;
  });

  const loadKeys = async () => {
    const { keys } = await getService(strapi, 'signing-keys').publicJwks();
    jwks = createLocalJWKSet({ keys: keys as JWK[] });
    loadedAt = Date.now();
    return jwks;
  };

  const verifySignature = async (token: string) => {
    const config = getConfig(strapi);
    const options = {
      issuer: config.issuer,
      audience: config.apiAudience,
      algorithms: ['ES256', 'RS256'],
      typ: 'at+jwt',
    };
    try {
      return await jwtVerify(token, jwks ?? (await loadKeys()), options);
    } catch (error) {
      // Keys rotated by another process (npm run id:rotate-keys): read them again, but not for
      // every forged kid.
      const unknownKid = (error as { code?: string }).code === 'ERR_JWKS_NO_MATCHING_KEY';
      if (!unknownKid || Date.now() - loadedAt < RELOAD_COOLDOWN_MS) throw error;
      return jwtVerify(token, await loadKeys(), options);
    }
  };

  return {
    /** Whether `token` is a JWT that says it comes from this ID (so worth verifying). */
    claimsToBeOurs(token: string) {
      try {
        return decodeJwt(token).iss === getConfig(strapi).issuer;
      } catch {
        return false;
      }
    },

    /** The claims of a genuine, unexpired and unrevoked access token; throws otherwise. */
    async verify(token: string): Promise<JWTPayload> {
      const { payload } = await verifySignature(token);
      if (getService(strapi, 'token-revocations').isRevoked(payload)) throw new RevokedTokenError();
      return payload;
    },
  };
};

export type AccessTokensService = ReturnType<typeof accessTokens>;
export default accessTokens;
