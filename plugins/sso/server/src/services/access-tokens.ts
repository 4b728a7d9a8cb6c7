import type { Core } from '@strapi/strapi';
import { createLocalJWKSet, decodeJwt, errors, type JWK, type JWTPayload } from 'jose';

import { createAccessTokenVerifier, type KeySet } from '../../../verify/src';
import { getConfig, getService } from '../utils';
import { KEYS_CHANGED } from './signing-keys';

const RELOAD_COOLDOWN_MS = 30_000;

/**
 * ID's own API access tokens (JWTs), checked in-process by the same verifier other services use
 * (`@vixenhealth/sso/verify`): issuer, audience, algorithms, `typ` and claims pinned, the keys
 * read from the database and the revocation list held in memory instead of fetched over HTTP.
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

  const keySet: KeySet = async (header, token) => {
    try {
      return await (jwks ?? (await loadKeys()))(header, token);
    } catch (error) {
      // Keys rotated by another process (npm run id:rotate-keys): read them again, but not for
      // every forged kid.
      const unknownKid = error instanceof errors.JWKSNoMatchingKey;
      if (!unknownKid || Date.now() - loadedAt < RELOAD_COOLDOWN_MS) throw error;
      return (await loadKeys())(header, token);
    }
  };

  const config = getConfig(strapi);
  const verifier = createAccessTokenVerifier({
    issuer: config.issuer,
    audience: config.apiAudience,
    algorithms: ['ES256', 'RS256'],
    // An expired token is refused the second it expires, as it always was here.
    clockTolerance: 0,
    keySet,
    isRevoked: (claims) => getService(strapi, 'token-revocations').isRevoked(claims),
  });

  return {
    /** Whether `token` is a JWT that says it comes from this ID (so worth verifying). */
    claimsToBeOurs(token: string) {
      try {
        return decodeJwt(token).iss === config.issuer;
      } catch {
        return false;
      }
    },

    /**
     * The claims of a genuine, unexpired and unrevoked access token. Tokens of staff acting as
     * the person (`act`) only with `allowImpersonation`, as `@vixenhealth/sso/verify` has it.
     * @throws AccessTokenError whose `code` says why it was refused (`ERR_VH_TOKEN_REVOKED`, …).
     */
    async verify(
      token: string,
      options: { allowImpersonation?: boolean } = {}
    ): Promise<JWTPayload> {
      return (await verifier.verify(token, options)).payload;
    },
  };
};

export type AccessTokensService = ReturnType<typeof accessTokens>;
export default accessTokens;
