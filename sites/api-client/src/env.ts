import { createCmsClient } from './client';

/**
 * The CMS's origin from the environment: `CMS_URL`, else `http://localhost:1337` (development),
 * without a trailing slash.
 */
export const cmsBaseUrl = (env: NodeJS.ProcessEnv = process.env) =>
  (env.CMS_URL || 'http://localhost:1337').replace(/\/$/, '');

/**
 * The content API at {@link cmsBaseUrl}, for a site's pages. The environment is read on every
 * call: cheap, and tests start servers with their own.
 */
export const cmsFromEnv = () => createCmsClient({ baseUrl: cmsBaseUrl() });

/** Bounds a call to the CMS (5 s unless told): a slow CMS must not hold a visitor forever. */
export const cmsTimeout = (ms = 5_000) => AbortSignal.timeout(ms);
