import type { Core } from '@strapi/strapi';
import type { CallerDirectory } from '@vixenhealth/telephony/contracts';

import { CLINIC } from '../content-types/uids';

/** A number is found among at most this many clinics: a shared switchboard names a few. */
const MAX_CLINICS_PER_PHONE = 5;

/**
 * Whose phone a number is among the clinics (read from drafts, where the cabinet keeps a
 * clinic's current phones). Phones are stored in E.164, as telephony normalises call numbers.
 */
export const callerDirectory = (strapi: Core.Strapi): CallerDirectory => ({
  async clinicsByPhone(phone) {
    const rows = (await strapi.db.query(CLINIC).findMany({
      where: { publishedAt: null, phones: { number: phone } },
      select: ['documentId', 'name'],
      limit: MAX_CLINICS_PER_PHONE,
    })) as { documentId: string; name: string }[];
    return rows.map(({ documentId, name }) => ({ documentId, name }));
  },
});
