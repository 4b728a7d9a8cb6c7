import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import type { Reader } from './contracts';

/** What the docs use of VixenHealth ID's services (plugins/sso: `access-tokens`, `accounts`). */
interface AccessTokens {
  verify(
    token: string,
    options?: { allowImpersonation?: boolean }
  ): Promise<Record<string, unknown>>;
}
interface Accounts {
  findBySubject(sub: string): Promise<{ blocked?: boolean | null } | null>;
}

const refused = (message: string) => new errors.UnauthorizedError(message);

const clinicsOf = (claim: unknown): Reader['clinics'] =>
  (Array.isArray(claim) ? claim : [])
    .filter(
      (clinic): clinic is { id: string; role: string } =>
        typeof clinic?.id === 'string' && typeof clinic?.role === 'string'
    )
    .map(({ id, role }) => ({ id, role }));

/**
 * Who reads the docs: the claims of the request's VixenHealth ID access token, verified in-process
 * by ID's own verifier (issuer, audience, signature, expiry, revocation), as every Content API
 * route verifies them. No `Authorization` header: an anonymous reader (`null`). A token that is
 * not a valid ID access token, or a blocked account's, is a 401, never a silent anonymous read.
 * A service's token (client credentials) is no person: it reads what anonymous readers do.
 */
export const readerOf = async (strapi: Core.Strapi, ctx: Context): Promise<Reader | null> => {
  const header = ctx.get('authorization');
  if (!header) return null;
  const [scheme, token, ...rest] = header.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length > 0) {
    throw refused('Authorization must be "Bearer <VixenHealth ID access token>"');
  }
  let claims: Record<string, unknown>;
  try {
    // Reading the docs as the person is what support acting as them (impersonation) is for.
    claims = await (strapi.plugin('sso').service('access-tokens') as AccessTokens).verify(token, {
      allowImpersonation: true,
    });
  } catch {
    throw refused('Invalid or expired access token');
  }
  if (claims.sub === claims.client_id) return null;
  const account = await (strapi.plugin('sso').service('accounts') as Accounts).findBySubject(
    String(claims.sub)
  );
  if (!account || account.blocked) throw refused('Account unavailable');
  return {
    roles: Array.isArray(claims.roles) ? claims.roles.filter((r) => typeof r === 'string') : [],
    clinics: clinicsOf(claims.clinics),
  };
};
