import type { Core } from '@strapi/strapi';
import type { CountryCode } from 'libphonenumber-js';

import {
  EXTENSION_PATTERN,
  type PlaceCallRequest,
  type PlacedCall,
} from '../../../shared/contracts';
import type { TelephonyConfig } from '../config';
import { TelephonyError, fieldError, notFound } from '../errors';
import { INTEGRATION } from '../content-types/uids';
import type { IntegrationRow } from '../integrations/integration-row';
import { integrations } from '../integrations/integrations';
import { normalizeNumber } from '../phone-numbers/normalize-number';
import { credentialsOf } from '../providers/provider-api';
import { PROVIDER_APIS } from '../providers/provider-apis';
import { mayUseIntegration, type DeskScope } from './desk-scope';

/** The number to call in E.164, or a 400 naming the field. */
const e164 = (raw: unknown, country: CountryCode) => {
  if (typeof raw !== 'string' || !raw.trim() || raw.length > 40) {
    throw fieldError('number', 'must be a phone number');
  }
  const number = normalizeNumber(raw, country);
  if (!number.startsWith('+')) throw fieldError('number', 'must be a phone number');
  return number;
};

/**
 * Click-to-call through a provider: its callback API rings the agent's extension, then the
 * number. A PBX speaking CTI has no such API: there the agent's softphone places the call
 * (answered 409 by the endpoint).
 */
export const placeCall = async (
  strapi: Core.Strapi,
  scope: DeskScope,
  request: Partial<PlaceCallRequest>
): Promise<PlacedCall> => {
  const config = strapi.config.get('plugin::telephony') as TelephonyConfig;
  const number = e164(request.number, config.defaultCountry as CountryCode);
  if (typeof request.extension !== 'string' || !EXTENSION_PATTERN.test(request.extension)) {
    throw fieldError('extension', 'must be an extension number (digits)');
  }
  if (!Number.isSafeInteger(request.integrationId) || request.integrationId! < 1) {
    throw fieldError('integrationId', 'must be an integration id');
  }
  const integration = (await strapi.db.query(INTEGRATION).findOne({
    where: { id: request.integrationId, enabled: true },
  })) as IntegrationRow | null;
  if (!integration || !(await mayUseIntegration(strapi, scope, integration))) {
    throw notFound('Integration');
  }
  const provider = PROVIDER_APIS[integration.kind];
  if (!provider) {
    throw new TelephonyError(
      'softphone-only',
      'This PBX has no callback API: place the call from your softphone'
    );
  }
  const credentials = credentialsOf(integrations(strapi).secretsOf(integration), provider.name);
  await provider.api.callback(config, credentials, { extension: request.extension, number });
  return { integrationId: integration.id, number, extension: request.extension };
};
