import type { Core } from '@strapi/strapi';

import { notFound } from '../errors';
import type { IntegrationRow } from '../integrations/integration-row';
import { getService } from '../services/get-service';

/**
 * The enabled CTI integration a webhook URL's token names, else 404 (unknown, disabled, or a
 * provider's, which has its own endpoint): nothing is read or stored before this passes.
 *
 * The token is looked up by its SHA-256 in a unique index, never compared as given: the time the
 * lookup takes depends on the hash, which a caller cannot steer towards the real one byte by
 * byte, so a timing-safe comparison would add nothing.
 */
export const webhookIntegration = async (
  strapi: Core.Strapi,
  token: unknown
): Promise<IntegrationRow> => {
  const row =
    typeof token === 'string' ? await getService(strapi, 'integrations').findByToken(token) : null;
  if (!row || row.kind !== 'cti') throw notFound('Integration');
  return row;
};
