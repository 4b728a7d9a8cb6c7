import { createCmsClient } from '@vixenhealth/api-client';

/** The CMS's content API, read by every page; `CMS_URL` says where it runs. */
export const cms = () =>
  createCmsClient({ baseUrl: process.env.CMS_URL || 'http://localhost:1337' });

/** Every read of a page is bounded: a slow CMS must not hold a visitor forever. */
export const timeout = () => AbortSignal.timeout(5_000);
