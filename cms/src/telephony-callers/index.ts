import type { Core } from '@strapi/strapi';
import type { CallerDirectory } from '@vixenhealth/telephony/contracts';

import { callerDirectory } from './caller-directory';

/** Telephony finds callers among the CMS's clinics: the CMS tells it whose phone is whose. */
export const connectTelephony = (strapi: Core.Strapi) => {
  (
    strapi.plugin('telephony').service('callers') as unknown as {
      register(directory: CallerDirectory): void;
    }
  ).register(callerDirectory(strapi));
};
