/**
 * The portal's settings, from the environment at run time (the same `.env` as the rest of the
 * platform; see `.env.example`). Read on every use: cheap, and tests start servers with their own.
 * The CMS's origin (`CMS_URL`) is read by `@vixenhealth/api-client` (`cmsBaseUrl`, `./cms`).
 */
export interface PortalConfig {
  /** Where visitors reach the portal; its sign-in callback is registered with ID under it. */
  portalUrl: URL;
  /** VixenHealth ID's issuer. */
  issuer: URL;
  /** Clinic sites live at `<subdomain>.<sitesBaseDomain>`. */
  sitesBaseDomain: string;
  /** The port of the clinic sites' server in development. */
  clinicSitesPort: string;
}

export const portalConfig = (env: NodeJS.ProcessEnv = process.env): PortalConfig => ({
  portalUrl: new URL(env.PORTAL_URL || 'http://localhost:4321'),
  issuer: new URL(env.ID_ISSUER || 'http://localhost:1337/id'),
  sitesBaseDomain: env.SITES_BASE_DOMAIN || 'localhost',
  clinicSitesPort: env.CLINIC_SITES_PORT || '4322',
});

/** The portal's own origin, without a trailing slash: `http://localhost:4321`. */
export const portalOrigin = () => portalConfig().portalUrl.origin;
