import type { TelephonyConfig } from '../config';
import { TelephonyError } from '../errors';
import type { IntegrationSecrets } from '../integrations/integration-row';

/** The API credentials of a provider's account, as its integration keeps them. */
export interface ProviderCredentials {
  apiKey: string;
  apiSecret: string;
}

/** What we ask of a provider's API. */
export interface ProviderApi {
  /** Rings the agent's extension, then the number once the agent picks up. */
  callback(
    config: TelephonyConfig,
    credentials: ProviderCredentials,
    call: { extension: string; number: string }
  ): Promise<void>;
  /** The provider's answer carrying a recording's bytes, from the reference it gave us. */
  openRecording(
    config: TelephonyConfig,
    credentials: ProviderCredentials,
    reference: string
  ): Promise<Response>;
}

export const API_TIMEOUT_MS = 10_000;
/** A recording of an hour is tens of megabytes: time enough to fetch it on a slow link. */
export const DOWNLOAD_TIMEOUT_MS = 120_000;

export const credentialsOf = (
  secrets: IntegrationSecrets,
  provider: string
): ProviderCredentials => {
  if (!secrets.apiKey || !secrets.apiSecret) {
    throw new TelephonyError(
      'not-configured',
      `This ${provider} integration has no API key and secret: add them to use its API`
    );
  }
  return { apiKey: secrets.apiKey, apiSecret: secrets.apiSecret };
};

/** A provider's refusal or silence, with what it said (never our credentials). */
export const providerFailed = (provider: string, what: string) =>
  new TelephonyError('provider-failed', `${provider} did not ${what}`);

/** A number as providers' APIs take it: digits only, country code first. */
export const digitsOf = (e164: string) => e164.replace(/\D/g, '');
