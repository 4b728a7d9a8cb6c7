import type { TelephonyConfig } from '../../config';
import {
  API_TIMEOUT_MS,
  digitsOf,
  DOWNLOAD_TIMEOUT_MS,
  providerFailed,
  type ProviderApi,
  type ProviderCredentials,
} from '../provider-api';
import { zadarmaAuthorization, zadarmaQuery } from './zadarma-sign';

interface ZadarmaAnswer {
  status?: string;
  message?: string;
  link?: string;
}

/** A GET of Zadarma's API (`/v1/<method>/`), signed; its JSON, or null when it failed. */
const get = async (
  config: TelephonyConfig,
  { apiKey, apiSecret }: ProviderCredentials,
  method: string,
  params: Record<string, string>
) => {
  const response = await fetch(
    `${config.zadarmaApiUrl.replace(/\/$/, '')}${method}?${zadarmaQuery(params)}`,
    {
      headers: { Authorization: zadarmaAuthorization(apiKey, apiSecret, method, params) },
      signal: AbortSignal.timeout(API_TIMEOUT_MS),
    }
  ).catch(() => null);
  const answer = (await response?.json().catch(() => null)) as ZadarmaAnswer | null;
  return response?.ok && answer?.status === 'success' ? answer : null;
};

/** Zadarma's API (`https://api.zadarma.com/v1/…`), as its own client libraries call it. */
export const zadarmaApi: ProviderApi = {
  async callback(config, credentials, { extension, number }) {
    const answer = await get(config, credentials, '/v1/request/callback/', {
      from: extension,
      to: digitsOf(number),
    });
    if (!answer) throw providerFailed('Zadarma', 'place the call');
  },

  /** Zadarma gives a temporary link to the file, fetched at once. */
  async openRecording(config, credentials, reference) {
    const answer = await get(config, credentials, '/v1/pbx/record/request/', {
      call_id: reference,
    });
    if (!answer?.link) throw providerFailed('Zadarma', 'give the recording');
    return fetch(answer.link, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  },
};
