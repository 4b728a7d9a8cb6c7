import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { AccessTokenError } from '../../../verify/src';
import { USER_PERMISSION } from '../content-types/uids';
import type { Account } from '../services/accounts';
import { getService } from '../utils';

/** A service calling with a client-credentials token; users are their users-permissions entry. */
interface ServiceCredentials {
  kind: 'service';
  clientId: string;
  permissions: string[];
}

/**
 * A person's credentials; `readOnly` when staff act as them (impersonation) and asked for
 * anything but a read.
 */
type PersonCredentials = Account & { kind?: undefined; readOnly?: boolean };

type Credentials = ServiceCredentials | PersonCredentials;

/** Staff acting as a person see what they see through the API, and change nothing. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Lets the CMS's Content API accept VixenHealth ID access tokens as bearer tokens: `sub` is the
 * user, whose users-permissions role says which API actions they may call. Verified in-process
 * by `@vixenhealth/sso/verify` (see the `access-tokens` service), revoked tokens included,
 * without a database round trip.
 */
export const createIdTokenStrategy = (strapi: Core.Strapi) => {
  const roleGrants = async (role: { id: number } | { type: string }, actions: string[]) =>
    (await strapi.db.query(USER_PERMISSION).count({ where: { role, action: { $in: actions } } })) >
    0;

  return {
    name: 'vixenhealth-id',

    async authenticate(ctx: {
      method: string;
      request: { header: Record<string, string | undefined> };
      state: Record<string, unknown>;
    }) {
      const header = ctx.request.header.authorization ?? '';
      const [scheme, token] = header.split(' ');
      const tokens = getService(strapi, 'access-tokens');
      if (scheme?.toLowerCase() !== 'bearer' || !token || !tokens.claimsToBeOurs(token)) {
        return { authenticated: false };
      }
      try {
        // Impersonation tokens read as the person; `verify` below refuses them anything else.
        const payload = await tokens.verify(token, { allowImpersonation: true });
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
        const impersonated = payload.act !== undefined;
        const credentials: PersonCredentials =
          impersonated && !SAFE_METHODS.has(ctx.method) ? { ...account, readOnly: true } : account;
        return { authenticated: true, credentials };
      } catch (error) {
        const message =
          error instanceof AccessTokenError && error.code === 'ERR_VH_TOKEN_REVOKED'
            ? 'Access token revoked'
            : 'Invalid or expired access token';
        return { authenticated: false, error: new errors.UnauthorizedError(message) };
      }
    },

    /** The route's actions must be granted to the user's role, as with users-permissions. */
    async verify(auth: { credentials: Credentials }, config: { scope?: string[] }) {
      const { credentials } = auth;
      if (credentials.kind !== 'service' && credentials.readOnly) {
        // A PolicyError: the one 403 whose message Strapi passes on to the client.
        throw new errors.PolicyError('Staff acting as this person may only read');
      }
      const scopes = config.scope ?? [];
      if (scopes.length === 0) return;
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
