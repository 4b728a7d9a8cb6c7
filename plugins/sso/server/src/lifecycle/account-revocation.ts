import type { Core, Modules } from '@strapi/strapi';

import { USER } from '../content-types/uids';
import { revokeEverythingOf } from '../services/oidc-adapter';
import { getService } from '../utils';

/**
 * When a user is blocked (or deleted), every session, grant and refresh token of theirs is
 * deleted at once; access tokens already issued expire within minutes and the API refuses
 * blocked users meanwhile.
 */
export const registerAccountRevocation = (strapi: Core.Strapi) => {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const result = await next();
    if (context.uid !== USER) return result;
    const params = context.params as { documentId?: string; data?: { blocked?: boolean } };
    const revoke =
      (context.action === 'update' && params.data?.blocked === true) || context.action === 'delete';
    if (revoke && params.documentId) await revokeEverythingOf(strapi, params.documentId);
    // Staff acting as a deleted person stop at once; the audit says why.
    if (context.action === 'delete' && params.documentId) {
      await getService(strapi, 'impersonations').endForTarget(params.documentId);
    }
    return result;
  };
  strapi.documents.use(middleware);
};
