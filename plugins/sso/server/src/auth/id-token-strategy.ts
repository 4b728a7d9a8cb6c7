import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JWK } from 'jose';

import type { Account } from '../services/accounts';
import { getConfig, getService } from '../utils';

const PERMISSION = 'plugin::users-permissions.permission';

/** A service calling with a client-credentials token; users are their users-permissions entry. */
interface ServiceCredentials {
  kind: 'service';
  clientId: string;
  permissions: string[];
}

type Credentials = ServiceCredentials | (Account & { kind?: undefined });

/**
 * Lets the CMS's Content API accept VixenHealth ID access tokens as bearer tokens: `sub` is the
 * user, whose users-permissions role says which API actions they may call. Verified in-process
 * against ID's own published keys, pinning issuer, audience, algorithms and `typ`.
 */
export const createIdTokenStrategy = (strapi: Core.Strapi) => {
  let keySet: { fingerprint: string; jwks: ReturnType<typeof createLocalJWKSet> } | null = null;

  const currentKeys = async () => {
    const keys = getService(strapi, 'signing-keys');
    const fingerprint = await keys.fingerprint();
    if (keySet?.fingerprint !== fingerprint) {
      const { keys: published } = await keys.publicJwks();
      keySet = { fingerprint, jwks: createLocalJWKSet({ keys: published as JWK[] }) };
    }
    return keySet.jwks;
  };

  const isIdToken = (token: string) => {
    try {
      return decodeJwt(token).iss === getConfig(strapi).issuer;
    } catch {
      return false;
    }
  };

  return {
    name: 'vixenhealth-id',

    async authenticate(ctx: {
      request: { header: Record<string, string | undefined> };
      state: Record<string, unknown>;
    }) {
      const header = ctx.request.header.authorization ?? '';
      const [scheme, token] = header.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token || !isIdToken(token)) {
        return { authenticated: false };
      }
      const config = getConfig(strapi);
      try {
        const { payload } = await jwtVerify(token, await currentKeys(), {
          issuer: config.issuer,
          audience: config.apiAudience,
          algorithms: ['ES256', 'RS256'],
          typ: 'at+jwt',
        });
        const sub = String(payload.sub);
        if (payload.sub === payload.client_id) {
          const credentials: ServiceCredentials = {
            kind: 'service',
            clientId: sub,
            permissions: Array.isArray(payload.permissions) ? payload.permissions.map(String) : [],
          };
          return { authenticated: true, credentials };
        }
        const account = await getService(strapi, 'accounts').findBySubject(sub);
        if (!account || account.blocked) {
          return {
            authenticated: false,
            error: new errors.UnauthorizedError('Account unavailable'),
          };
        }
        // Where users-permissions' own routes (such as /api/users/me) look for the user.
        ctx.state.user = account;
        return { authenticated: true, credentials: account };
      } catch {
        return {
          authenticated: false,
          error: new errors.UnauthorizedError('Invalid or expired access token'),
        };
      }
    },

    /** The route's actions must be granted to the user's role, as with users-permissions. */
    async verify(auth: { credentials: Credentials }, config: { scope?: string[] }) {
      const scopes = config.scope ?? [];
      if (scopes.length === 0) return;
      const { credentials } = auth;
      if (credentials.kind === 'service') {
        if (scopes.some((scope) => credentials.permissions.includes(scope))) return;
      } else if (credentials.role) {
        const granted = await strapi.db
          .query(PERMISSION)
          .count({ where: { role: credentials.role.id, action: { $in: scopes } } });
        if (granted > 0) return;
      }
      throw new errors.ForbiddenError();
    },
  };
};
