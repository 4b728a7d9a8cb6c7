import { createSealedBox } from '@vixenhealth/sso/sealed-box';

import { TelephonyError } from '../errors';

/**
 * Telephony's secrets at rest (integration secrets, agents' SIP passwords), sealed under
 * TELEPHONY_ENCRYPTION_KEY: without the key nothing secret can be stored or read.
 */
export const createSecretBox = (base64Key: string) =>
  createSealedBox(() => {
    const key = Buffer.from(base64Key, 'base64');
    if (key.length !== 32) {
      throw new TelephonyError(
        'not-configured',
        'Telephony secrets cannot be stored: TELEPHONY_ENCRYPTION_KEY is not set'
      );
    }
    return key;
  });

export type SecretBox = ReturnType<typeof createSecretBox>;
