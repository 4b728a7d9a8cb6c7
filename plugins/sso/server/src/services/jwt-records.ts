import type { Core } from '@strapi/strapi';
import type { AdapterPayload } from 'oidc-provider';

import { getService } from '../utils';

/** Access tokens of these kinds are JWTs (the `api` resource), which oidc-provider never stores. */
const JWT_KINDS = new Set(['AccessToken', 'ClientCredentials']);
/** The claims of a JWT access token that are not oidc-provider's `extra` claims. */
const REGISTERED_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'iat', 'nbf', 'jti', 'client_id', 'scope'];

/**
 * oidc-provider's revocation and introspection endpoints look access tokens up by value in
 * storage, where JWTs never are: here a JWT is its own record (genuine, unexpired and not
 * revoked, or not found), and destroying it revokes it.
 */
export const createJwtRecords = (strapi: Core.Strapi) => {
  /** JWTs looked up (to be revoked or introspected): `jti` → expiry. */
  const found = new Map<string, Date>();

  const forgetExpired = (now = Date.now()) => {
    for (const [jti, expiresAt] of found) if (expiresAt.getTime() <= now) found.delete(jti);
  };

  return {
    isJwtLookup: (model: string, value: string) =>
      JWT_KINDS.has(model) && value.split('.').length === 3,

    async find(model: string, token: string): Promise<AdapterPayload | undefined> {
      const tokens = getService(strapi, 'access-tokens');
      if (!tokens.claimsToBeOurs(token)) return undefined;
      // Revoking or introspecting an impersonation's token must work like any other's.
      const claims = await tokens
        .verify(token, { allowImpersonation: true })
        .catch(() => undefined);
      if (!claims?.jti || !claims.exp) return undefined;
      const ofService = claims.sub === claims.client_id;
      if (ofService !== (model === 'ClientCredentials')) return undefined;
      forgetExpired();
      found.set(claims.jti, new Date(claims.exp * 1000));
      return {
        kind: model,
        jti: claims.jti,
        iat: claims.iat,
        exp: claims.exp,
        clientId: String(claims.client_id),
        ...(ofService ? {} : { accountId: String(claims.sub) }),
        aud: typeof claims.aud === 'string' ? [claims.aud] : claims.aud,
        scope: typeof claims.scope === 'string' ? claims.scope : undefined,
        extra: Object.fromEntries(
          Object.entries(claims).filter(([name]) => !REGISTERED_CLAIMS.includes(name))
        ),
      };
    },

    /** Revokes the JWT `jti` if it was looked up here; false for any other token. */
    async destroy(model: string, jti: string) {
      const expiresAt = JWT_KINDS.has(model) ? found.get(jti) : undefined;
      if (!expiresAt) return false;
      found.delete(jti);
      await getService(strapi, 'token-revocations').revokeToken(jti, expiresAt);
      return true;
    },
  };
};
