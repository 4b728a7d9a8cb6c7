import type { Core } from '@strapi/strapi';
import type { ClientsContract } from '@vixenhealth/sso/contracts';

import { clinicSiteOrigin, clinicSitesFromEnv } from '../clinic-address/index.mjs';
import { CLINIC } from '../content-types/uids';
import { syncClinicDomainClient } from './clinic-domain-clients';

const USER_SCOPE = 'openid email profile offline_access api';
const USER_GRANTS: ('authorization_code' | 'refresh_token')[] = [
  'authorization_code',
  'refresh_token',
];

/** A site's sign-in callback and where it lands after signing out. */
const callbacks = (origin: string) => ({
  redirectUris: [`${origin}/auth/callback`],
  postLogoutRedirectUris: [`${origin}/`],
});

/**
 * Every clinic site's platform origins: its subdomain, as served (CLINIC_SITES_PORT) and as a
 * static deploy (STATIC_SITES_PORT) on this machine. Never a clinic's own domain: this client is
 * first-party (no consent screen) and may ask for `api`, so it only returns people to hosts the
 * platform itself runs.
 */
const clinicSiteOrigins = async (strapi: Core.Strapi) => {
  const localPorts = [process.env.CLINIC_SITES_PORT, process.env.STATIC_SITES_PORT].filter(Boolean);
  const ports = localPorts.length > 0 ? localPorts : [undefined];
  const clinics: { subdomain: string }[] = await strapi.db.query(CLINIC).findMany({
    where: { publishedAt: { $notNull: true } },
    select: ['subdomain'],
  });
  const { baseDomain } = clinicSitesFromEnv();
  // Off localhost the ports fall away, and with them the difference.
  return clinics.flatMap((clinic) => [
    ...new Set(ports.map((port) => clinicSiteOrigin(clinic, { baseDomain, port }))),
  ]);
};

/**
 * The `clinic-sites` client may send people back to any published clinic's site on the
 * platform. Registered at start and again whenever a clinic is published, unpublished or
 * deleted, so a new clinic's sign-in works at once.
 */
const registerClinicSitesClient = async (strapi: Core.Strapi) => {
  const sites = (await clinicSiteOrigins(strapi)).map(callbacks);
  await (strapi.plugin('sso').service('clients') as ClientsContract).register({
    clientId: 'clinic-sites',
    name: 'VixenHealth clinic sites',
    redirectUris: sites.flatMap((site) => site.redirectUris),
    postLogoutRedirectUris: sites.flatMap((site) => site.postLogoutRedirectUris),
    grantTypes: USER_GRANTS,
    scope: USER_SCOPE,
    firstParty: true,
  });
};

/**
 * Keeps the `clinic-sites` client's addresses in step with the published clinics, and each
 * clinic's own-domain client with its clinic.
 */
export const keepClinicSitesClientCurrent = (strapi: Core.Strapi) => {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.uid === CLINIC && ['publish', 'unpublish', 'delete'].includes(context.action)) {
      await registerClinicSitesClient(strapi);
      const { documentId } = context.params as { documentId?: string };
      if (documentId) await syncClinicDomainClient(strapi, documentId);
    }
    return result;
  });
};

/**
 * Registers the platform's own applications with VixenHealth ID (public clients with PKCE, no
 * consent screen): the portal, every clinic's site, the docs site; and in development the demo
 * service, a confidential client for service-to-service calls. Runs at every start.
 */
export const registerPlatformClients = async (strapi: Core.Strapi, { demo }: { demo: boolean }) => {
  const clients = strapi.plugin('sso').service('clients') as ClientsContract;
  const env = process.env;
  const portal = callbacks(env.PORTAL_URL ?? 'http://localhost:4321');
  const docs = callbacks(env.DOCS_URL ?? 'http://localhost:4323');

  await clients.register({
    clientId: 'portal',
    name: 'VixenHealth',
    ...portal,
    grantTypes: USER_GRANTS,
    scope: USER_SCOPE,
    firstParty: true,
  });
  await registerClinicSitesClient(strapi);
  await clients.register({
    clientId: 'docs',
    name: 'VixenHealth docs',
    ...docs,
    grantTypes: USER_GRANTS,
    // The docs decide who reads a private page from the roles and clinics of ID's access token.
    scope: USER_SCOPE,
    firstParty: true,
  });

  if (demo) {
    // plugins/sso/examples/clinic-app.mjs: how a clinic's own app signs people in.
    const example = callbacks(`http://localhost:${env.EXAMPLE_PORT ?? 4400}`);
    await clients.register({
      clientId: env.EXAMPLE_CLIENT_ID ?? 'clinic-app-example',
      name: 'Example clinic app',
      ...example,
      grantTypes: USER_GRANTS,
      scope: USER_SCOPE,
      firstParty: false,
    });
  }

  if (demo && env.ID_DEMO_CLIENT_SECRET) {
    await clients.register({
      clientId: env.ID_DEMO_CLIENT_ID ?? 'demo-service',
      name: 'Demo service',
      secret: env.ID_DEMO_CLIENT_SECRET,
      grantTypes: ['client_credentials'],
      scope: 'api',
      firstParty: false,
    });
  }
};
