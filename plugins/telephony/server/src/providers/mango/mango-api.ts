import { randomUUID } from 'node:crypto';

import type { TelephonyConfig } from '../../config';
import {
  API_TIMEOUT_MS,
  digitsOf,
  DOWNLOAD_TIMEOUT_MS,
  providerFailed,
  type ProviderApi,
  type ProviderCredentials,
} from '../provider-api';
import { mangoForm } from './mango-sign';

/** Mango's success code in a command's answer. */
const SUCCESS = 1000;

const post = (
  config: TelephonyConfig,
  { apiKey, apiSecret }: ProviderCredentials,
  path: string,
  payload: unknown,
  timeout = API_TIMEOUT_MS
) =>
  fetch(`${config.mangoApiUrl.replace(/\/$/, '')}/${path}`, {
    method: 'POST',
    body: mangoForm(apiKey, apiSecret, payload),
    signal: AbortSignal.timeout(timeout),
  });

/** Mango Office's VPBX API: commands and queries are signed forms like its notifications. */
export const mangoApi: ProviderApi = {
  async callback(config, credentials, { extension, number }) {
    const response = await post(config, credentials, 'commands/callback', {
      command_id: randomUUID(),
      from: { extension },
      to_number: digitsOf(number),
    }).catch(() => null);
    const answer = (await response?.json().catch(() => null)) as { result?: number } | null;
    if (!response?.ok || answer?.result !== SUCCESS) {
      throw providerFailed(
        'Mango Office',
        `place the call (result ${answer?.result ?? response?.status ?? 'none'})`
      );
    }
  },

  /** Mango answers a download query with a redirect to the file, which fetch follows. */
  openRecording(config, credentials, reference) {
    return post(
      config,
      credentials,
      'queries/recording/post',
      {
        recording_id: reference,
        action: 'download',
      },
      DOWNLOAD_TIMEOUT_MS
    );
  },
};
