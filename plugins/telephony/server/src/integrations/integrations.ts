import type { Core } from '@strapi/strapi';

import type {
  CreateIntegrationRequest,
  CreatedIntegration,
  IntegrationSummary,
} from '../../../shared/contracts';
import { INTEGRATION } from '../content-types/uids';
import { createSecretBox } from '../crypto/secret-box';
import {
  toIntegrationSummary,
  type IntegrationRow,
  type IntegrationSecrets,
} from './integration-row';
import { hashToken, newToken } from './integration-token';

/** What an integration is created from: the admin's request, checked. */
export type NewIntegration = CreateIntegrationRequest;

/** Integrations: created with a fresh token and secret, found by token, their secrets opened. */
export const integrations = (strapi: Core.Strapi) => {
  const box = () => createSecretBox(strapi.plugin('telephony').config('encryptionKey') as string);
  return {
    async create(input: NewIntegration): Promise<CreatedIntegration> {
      const token = newToken();
      const secrets: IntegrationSecrets = {
        secret: newToken(),
        ...(input.apiKey ? { apiKey: input.apiKey } : {}),
        ...(input.apiSecret ? { apiSecret: input.apiSecret } : {}),
      };
      const row = (await strapi.db.query(INTEGRATION).create({
        data: {
          name: input.name,
          kind: input.kind,
          group: input.group ?? null,
          clinic: input.clinic ?? null,
          enabled: true,
          blockedNumbers: input.blockedNumbers ?? [],
          outboundCallerId: input.outboundCallerId ?? null,
          tokenHash: hashToken(token),
          secrets: box().seal(JSON.stringify(secrets)),
        },
      })) as IntegrationRow;
      return { ...toIntegrationSummary(row), token, secret: secrets.secret };
    },

    /** The enabled integration a URL token names, or null (answered as 404 by the endpoints). */
    async findByToken(token: string) {
      if (!token || token.length > 200) return null;
      const row = (await strapi.db.query(INTEGRATION).findOne({
        where: { tokenHash: hashToken(token), enabled: true },
      })) as IntegrationRow | null;
      return row;
    },

    async list(): Promise<IntegrationSummary[]> {
      const rows = (await strapi.db
        .query(INTEGRATION)
        .findMany({ orderBy: { id: 'asc' } })) as IntegrationRow[];
      return rows.map(toIntegrationSummary);
    },

    /** Stops an integration: its token is answered 404 from now on. Null when there is none. */
    async disable(id: number): Promise<IntegrationSummary | null> {
      const row = (await strapi.db
        .query(INTEGRATION)
        .update({ where: { id }, data: { enabled: false } })) as IntegrationRow | null;
      return row && toIntegrationSummary(row);
    },

    secretsOf(row: IntegrationRow): IntegrationSecrets {
      if (!row.secrets) return { secret: '' };
      return JSON.parse(box().open(row.secrets)) as IntegrationSecrets;
    },
  };
};
