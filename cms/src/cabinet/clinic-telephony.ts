import type { Core } from '@strapi/strapi';
import type { ClinicTelephony } from '@vixenhealth/telephony/contracts';

import { CLINIC } from '../content-types/uids';
import type { ClinicAccess } from '../contracts';
import { fieldError, notFound } from '../errors';
import { requireOwner } from './clinic-access';

const telephony = (strapi: Core.Strapi) =>
  strapi.plugin('telephony').service('clinics') as unknown as ClinicTelephony;

const phonesOf = async (strapi: Core.Strapi, clinicId: number) => {
  const row = (await strapi.db.query(CLINIC).findOne({
    where: { id: clinicId },
    select: ['id'],
    populate: { phones: true },
  })) as { phones: { number: string }[] | null } | null;
  return (row?.phones ?? []).map((phone) => phone.number);
};

/**
 * The clinic's calls to the platform and its own PBX's tokens, for its owners only: calls name
 * patients' numbers, and a token lets a PBX post calls in the clinic's name.
 */
export const clinicTelephony = (strapi: Core.Strapi, access: ClinicAccess) => {
  requireOwner(access, 'see the clinic’s calls and PBX tokens');
  const { documentId, id } = access.clinic;
  return {
    calls: async () => telephony(strapi).calls({ documentId, phones: await phonesOf(strapi, id) }),
    tokens: () => telephony(strapi).integrations(documentId),
    createToken(data: unknown) {
      const name = (data as { name?: unknown } | null)?.name;
      if (typeof name !== 'string') throw fieldError('name', 'a name is required');
      return telephony(strapi).createIntegration(documentId, name);
    },
    async revokeToken(integration: unknown) {
      const integrationId = Number(integration);
      if (!Number.isSafeInteger(integrationId) || integrationId < 1) throw notFound('Token');
      if (!(await telephony(strapi).revokeIntegration(documentId, integrationId)))
        throw notFound('Token');
    },
  };
};
