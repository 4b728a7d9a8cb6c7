import { createHmac } from 'node:crypto';

import { constantTimeEqual } from '../constant-time-equal';
import { WebhookRefusedError } from '../errors';

/** The header Twilio signs its webhook calls in. */
export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

/**
 * Twilio's signature: base64(HMAC-SHA1(auth token, full URL + each POST parameter's name and
 * value, sorted by name)).
 */
export const twilioSignature = (
  url: string,
  params: Readonly<Record<string, string>>,
  authToken: string
): string => {
  const signed = Object.keys(params)
    .sort()
    .reduce((data, name) => data + name + params[name], url);
  return createHmac('sha1', authToken).update(signed, 'utf8').digest('base64');
};

/**
 * Accepts a webhook call only when its X-Twilio-Signature matches, compared in constant time.
 * @param url the full URL Twilio called, query string included, as configured at Twilio
 * @throws WebhookRefusedError
 */
export const verifyTwilioSignature = (
  url: string,
  params: Readonly<Record<string, string>>,
  signature: string | undefined,
  authToken: string
): void => {
  if (
    !authToken ||
    !signature ||
    !constantTimeEqual(signature, twilioSignature(url, params, authToken))
  ) {
    throw new WebhookRefusedError('sms');
  }
};
