/**
 * The CMS's content API, read by every page (`CMS_URL` says where it runs), and the bound of
 * every read: a slow CMS must not hold a visitor forever. The portal reads it the same way.
 */
export { cmsFromEnv as cms, cmsTimeout as timeout } from '@vixenhealth/api-client';
