import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JWK, type JWTVerifyOptions } from 'jose';

import type { Account } from '../services/accounts';
import { KEYS_CHANGED } from '../services/signing-keys';
import { getConfig, getService } from '../utils';

const PERMISSION = 'plugin::users-permissions.permission';
const RELOAD_COOLDOWN_MS = 30_000;

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

  const verify = async (token: string, options: JWTVerifyOptions) => {
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

  const roleGrants = async (role: { id: number } | { type: string }, actions: string[]) =>
    (await strapi.db.query(PERMISSION).count({ where: { role, action: { $in: actions } } })) > 0;

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
        const { payload } = await verify(token, {
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
        // A service may do whatever anyone may: read public content.
        if (await roleGrants({ type: 'public' }, scopes)) return;
      } else if (credentials.role && (await roleGrants({ id: credentials.role.id }, scopes))) {
        return;
      }
      throw new errors.ForbiddenError();
    },
  };
};
