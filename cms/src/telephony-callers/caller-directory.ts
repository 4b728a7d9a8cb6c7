import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { CallerDirectory } from '@vixenhealth/telephony/contracts';

import { clinicAccess } from '../cabinet/clinic-access';
import { CLINIC } from '../content-types/uids';

interface ClinicPhones {
  documentId: string;
  name: string;
  phones: { number: string }[] | null;
}

/**
 * The clinics telephony may know of: whose phone a number is (read from drafts, where the
 * cabinet keeps a clinic's current phones), and which clinic an owner's cabinet may show calls
 * of. Phones are stored in E.164, as telephony normalises call numbers.
 */
export const callerDirectory = (strapi: Core.Strapi): CallerDirectory => ({
  async clinicsByPhone(phone) {
    const rows = (await strapi.db.query(CLINIC).findMany({
      where: { publishedAt: null, phones: { number: phone } },
      select: ['documentId', 'name'],
      limit: 5,
    })) as { documentId: string; name: string }[];
    return rows.map(({ documentId, name }) => ({ documentId, name }));
  },

  async ownedBy(userId, documentId) {
    try {
      const { clinic, role } = await clinicAccess(strapi, userId, documentId);
      if (role !== 'owner') return null;
      const row = (await strapi.db.query(CLINIC).findOne({
        where: { id: clinic.id },
        select: ['documentId', 'name'],
        populate: { phones: true },
      })) as ClinicPhones;
      return {
        documentId: row.documentId,
        name: row.name,
        phones: (row.phones ?? []).map((phone) => phone.number),
      };
    } catch (error) {
      if (error instanceof errors.NotFoundError) return null;
      throw error;
    }
  },
});
