/**
 * The CMS's content API (`CMS_URL`), through the typed client, and the bound of every call
 * (5 s unless told): a slow CMS must not hold a visitor forever. The clinic sites read it the
 * same way.
 */
export { cmsFromEnv as cms, cmsTimeout as timeout } from '@vixenhealth/api-client';
