import type { Core } from '@strapi/strapi';

import type { TelephonyConfig } from '../config';
import { TelephonyError } from '../errors';
import type { IntegrationRow } from '../integrations/integration-row';
import { integrations } from '../integrations/integrations';
import { credentialsOf, DOWNLOAD_TIMEOUT_MS } from '../providers/provider-api';
import { PROVIDER_APIS } from '../providers/provider-apis';

/**
 * The answer carrying a recording, from what the source gave: a URL (our signed events, a PBX
 * that publishes files), or `<provider>:<id>` which that integration's provider API resolves.
 */
export const openRecording = async (
  strapi: Core.Strapi,
  integration: IntegrationRow,
  reference: string
): Promise<Response> => {
  if (/^https?:\/\//i.test(reference)) {
    return fetch(reference, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  }
  const [, kind, id] = /^([a-z]+):(.+)$/.exec(reference) ?? [];
  const provider = PROVIDER_APIS[integration.kind];
  if (!provider || kind !== integration.kind || !id) {
    throw new TelephonyError('provider-failed', `a recording reference of another kind (${kind})`);
  }
  const config = strapi.config.get('plugin::telephony') as TelephonyConfig;
  const secrets = integrations(strapi).secretsOf(integration);
  return provider.api.openRecording(config, credentialsOf(secrets, provider.name), id);
};
