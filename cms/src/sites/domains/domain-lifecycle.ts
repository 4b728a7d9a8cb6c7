import type { Core, Modules } from '@strapi/strapi';

import { CLINIC } from '../../content-types/uids';
import {
  domainRowOf,
  domainUseChanged,
  recheckVerifiedDomains,
  UNVERIFIED,
} from './domain-verification';

/**
 * A proof is for one domain: naming another (in the cabinet or the admin panel) starts over, for
 * every version of the clinic, once the change is written. A copy of a clinic proves nothing.
 */
const resetOnDomainChange =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== CLINIC || !['update', 'clone'].includes(context.action)) return next();
    const params = context.params as { documentId?: string; data?: Record<string, unknown> };
    const before = params.documentId ? await domainRowOf(strapi, params.documentId) : null;
    const result = await next();
    const named = params.data?.customDomain;
    const changed = named !== undefined && (named ?? null) !== (before?.customDomain ?? null);
    const target =
      context.action === 'clone'
        ? (result as { documentId?: string } | null)?.documentId
        : params.documentId;
    if (target && before && (changed || context.action === 'clone')) {
      await strapi.db.query(CLINIC).updateMany({ where: { documentId: target }, data: UNVERIFIED });
      if (before.verifiedDomain && context.action === 'update') {
        await domainUseChanged(strapi, target, 'domain changed');
      }
    }
    return result;
  };

/** When verified domains are checked again: `DOMAIN_VERIFICATION_RECHECK`, a cron rule. */
const RECHECK_RULE = () => process.env.DOMAIN_VERIFICATION_RECHECK || '17 */6 * * *';

/** Keeps domain proofs honest: reset when the domain changes, checked again periodically. */
export const registerDomainVerification = (strapi: Core.Strapi) => {
  strapi.documents.use(resetOnDomainChange(strapi));
  strapi.cron.add({
    'clinic-domains-recheck': {
      task: () => recheckVerifiedDomains(strapi),
      options: { rule: RECHECK_RULE() },
    },
  });
};
