import { createCmsClient } from './client';

/**
 * The CMS's origin from the environment: `CMS_URL`, else `http://localhost:1337` (development),
 * without a trailing slash.
 */
export const cmsBaseUrl = (env: NodeJS.ProcessEnv = process.env) =>
  (env.CMS_URL || 'http://localhost:1337').replace(/\/$/, '');

/**
 * The CMS's address as browsers reach it: `PUBLIC_URL`, else {@link cmsBaseUrl}; without a
 * trailing slash. `CMS_URL` may be an internal address no browser can reach.
 */
export const cmsPublicUrl = (env: NodeJS.ProcessEnv = process.env) =>
  env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/$/, '') : cmsBaseUrl(env);

/**
 * The content API at {@link cmsBaseUrl}, for a site's pages. The environment is read on every
 * call: cheap, and tests start servers with their own.
 */
export const cmsFromEnv = () => createCmsClient({ baseUrl: cmsBaseUrl() });

/** Bounds a call to the CMS (5 s unless told): a slow CMS must not hold a visitor forever. */
export const cmsTimeout = (ms = 5_000) => AbortSignal.timeout(ms);
