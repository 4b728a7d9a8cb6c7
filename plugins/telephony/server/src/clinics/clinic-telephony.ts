import type { Core } from '@strapi/strapi';

import {
  CLINIC_CALLS_SHOWN,
  CLINIC_INTEGRATIONS_MAX,
  type ClinicTelephony,
} from '../../../shared/contracts';
import { CALL_POPULATE, toCallRecord, type CallRow } from '../calls/call-record';
import { CALL, INTEGRATION } from '../content-types/uids';
import { fieldError } from '../errors';
import { toIntegrationSummary, type IntegrationRow } from '../integrations/integration-row';
import { integrations } from '../integrations/integrations';

const MAX_NAME_LENGTH = 120;

/** A clinic's calls and its own PBX's tokens; the caller has checked the clinic is theirs. */
export const clinicTelephony = (strapi: Core.Strapi): ClinicTelephony => {
  const liveIntegrations = async (documentId: string) =>
    (await strapi.db.query(INTEGRATION).findMany({
      where: { clinic: documentId, enabled: true },
      orderBy: { id: 'asc' },
    })) as IntegrationRow[];

  return {
    async calls({ documentId, phones }) {
      const rows = (await strapi.db.query(CALL).findMany({
        where: {
          $or: [
            { clinic: documentId },
            ...(phones.length
              ? [{ fromNumber: { $in: phones } }, { toNumber: { $in: phones } }]
              : []),
          ],
        },
        populate: CALL_POPULATE,
        orderBy: { startedAt: 'desc' },
        limit: CLINIC_CALLS_SHOWN,
      })) as CallRow[];
      return rows.map(toCallRecord);
    },

    async integrations(documentId) {
      return (await liveIntegrations(documentId)).map(toIntegrationSummary);
    },

    async createIntegration(documentId, name) {
      const clean = typeof name === 'string' ? name.trim() : '';
      if (!clean) throw fieldError('name', 'a name is required');
      if (clean.length > MAX_NAME_LENGTH)
        throw fieldError('name', `at most ${MAX_NAME_LENGTH} characters`);
      if ((await liveIntegrations(documentId)).length >= CLINIC_INTEGRATIONS_MAX)
        throw fieldError('name', `a clinic has at most ${CLINIC_INTEGRATIONS_MAX} tokens`);
      return integrations(strapi).create({ name: clean, kind: 'cti', clinic: documentId });
    },

    async revokeIntegration(documentId, id) {
      const row = await strapi.db.query(INTEGRATION).findOne({
        where: { id, clinic: documentId, enabled: true },
        select: ['id'],
      });
      if (!row) return false;
      await strapi.db.query(INTEGRATION).update({ where: { id }, data: { enabled: false } });
      return true;
    },
  };
};
