import type { Core } from '@strapi/strapi';
import type Provider from 'oidc-provider';

import { ID_REVOCATION_LIST_PATH as PATH } from '../../../shared/contracts';
import { getService } from '../utils';

/**
 * `GET /id/revocations`: the access tokens (`jti`) and grants (`gid`) revoked before their
 * JWTs expire, each with the time (`exp`) after which no token it names is valid anyway, for
 * services that verify tokens offline. Public: the values are random ids or hashes of them, and
 * name no one. Served from memory, never a database query per request.
 */
export const serveRevocationList = (strapi: Core.Strapi, oidc: Provider) => {
  oidc.use(async (ctx, next) => {
    if (ctx.path !== PATH) return next();
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      ctx.status = 405;
      ctx.set('allow', 'GET, HEAD');
      return undefined;
    }
    ctx.set('cache-control', 'no-store');
    // Readable from any page, like the signing keys: it names no one and carries no credential.
    ctx.set('access-control-allow-origin', '*');
    ctx.body = { revoked: getService(strapi, 'token-revocations').list() };
    return undefined;
  });
};
