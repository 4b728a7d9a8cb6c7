import type { Core } from '@strapi/strapi';
import type { ClientsContract } from '@vixenhealth/sso/contracts';

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
 * Registers the platform's own applications with VixenHealth ID (public clients with PKCE, no
 * consent screen): the portal, every clinic's site, the docs site; and in development the demo
 * service, a confidential client for service-to-service calls. Runs at every start.
 */
export const registerPlatformClients = async (strapi: Core.Strapi, { demo }: { demo: boolean }) => {
  const clients = strapi.plugin('sso').service('clients') as ClientsContract;
  const env = process.env;
  const baseDomain = env.SITES_BASE_DOMAIN ?? 'localhost';
  const sitesPort = env.CLINIC_SITES_PORT ? `:${env.CLINIC_SITES_PORT}` : '';
  const sitesScheme = baseDomain === 'localhost' ? 'http' : 'https';

  const clinics: { subdomain: string; customDomain: string | null }[] = await strapi.db
    .query('api::clinic.clinic')
    .findMany({ where: { publishedAt: null }, select: ['subdomain', 'customDomain'] });
  const clinicOrigins = clinics.flatMap((clinic) => [
    `${sitesScheme}://${clinic.subdomain}.${baseDomain}${sitesPort}`,
    ...(clinic.customDomain ? [`https://${clinic.customDomain}`] : []),
  ]);

  const portal = callbacks(env.PORTAL_URL ?? 'http://localhost:4321');
  const docs = callbacks(env.DOCS_URL ?? 'http://localhost:4323');
  const sites = clinicOrigins.map(callbacks);

  await clients.register({
    clientId: 'portal',
    name: 'VixenHealth',
    ...portal,
    grantTypes: USER_GRANTS,
    scope: USER_SCOPE,
    firstParty: true,
  });
  await clients.register({
    clientId: 'clinic-sites',
    name: 'VixenHealth clinic sites',
    redirectUris: sites.flatMap((site) => site.redirectUris),
    postLogoutRedirectUris: sites.flatMap((site) => site.postLogoutRedirectUris),
    grantTypes: USER_GRANTS,
    scope: USER_SCOPE,
    firstParty: true,
  });
  await clients.register({
    clientId: 'docs',
    name: 'VixenHealth docs',
    ...docs,
    grantTypes: USER_GRANTS,
    scope: 'openid email profile',
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
