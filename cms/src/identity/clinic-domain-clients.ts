import type { Core } from '@strapi/strapi';
import type { ClientsContract } from '@vixenhealth/sso/contracts';

import { clinicSiteOrigin, clinicSitesFromEnv } from '../clinic-address/index.mjs';
import { CLINIC } from '../content-types/uids';

/** The ID client of one clinic's site on its own domain. */
export const clinicDomainClientId = (clinicDocumentId: string) => `clinic-${clinicDocumentId}`;

/**
 * What a clinic's own site may ask of ID: who the person is. Not `api` (the platform's API in
 * the person's name) and not `offline_access`: a site the clinic runs itself is a third party.
 */
const CLINIC_SITE_SCOPE = 'openid profile';

/**
 * Keeps the ID client of a clinic's own domain in step with the clinic: while the clinic is
 * public and its domain verified, a third-party client (people see the consent screen, with the
 * clinic's name) that returns people only to that domain; otherwise disabled, so nothing
 * reaches a domain its owners no longer prove.
 */
export const syncClinicDomainClient = async (strapi: Core.Strapi, clinicDocumentId: string) => {
  const clients = strapi.plugin('sso').service('clients') as ClientsContract;
  const clientId = clinicDomainClientId(clinicDocumentId);
  const clinic = (await strapi.db.query(CLINIC).findOne({
    where: { documentId: clinicDocumentId, publishedAt: { $notNull: true } },
    select: ['name', 'verifiedDomain', 'accountStatus'],
  })) as { name: string; verifiedDomain: string | null; accountStatus: string } | null;
  if (!clinic?.verifiedDomain || clinic.accountStatus !== 'active') {
    await clients.unregister(clientId);
    return;
  }
  const origin = clinicSiteOrigin(clinic, clinicSitesFromEnv())!;
  await clients.register({
    clientId,
    name: clinic.name,
    redirectUris: [`${origin}/auth/callback`],
    postLogoutRedirectUris: [`${origin}/`],
    grantTypes: ['authorization_code'],
    scope: CLINIC_SITE_SCOPE,
    firstParty: false,
  });
};
