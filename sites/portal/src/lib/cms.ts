import { createCmsClient } from '@vixenhealth/api-client';

import { portalConfig } from './config';

/** The CMS's content API (`CMS_URL`), through the typed client. */
export const cms = () => createCmsClient({ baseUrl: portalConfig().cmsUrl });

/** Every call is bounded: a slow CMS must not hold a visitor forever. */
export const timeout = (ms = 5_000) => AbortSignal.timeout(ms);
