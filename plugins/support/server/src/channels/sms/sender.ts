import type { ChannelSender } from '../../../../shared/contracts';
import { ProviderRequestError } from '../errors';
import { splitText } from '../split-text';
import type { SmsChannelConfig } from './config';

/** Twilio's limit on one message's body; longer replies go as several messages. */
export const SMS_TEXT_LIMIT = 1600;
const REQUEST_TIMEOUT_MS = 30_000;

const failure = (status: number, answer: unknown) => {
  const code = typeof answer === 'object' && answer ? Reflect.get(answer, 'code') : undefined;
  const message = typeof answer === 'object' && answer ? Reflect.get(answer, 'message') : undefined;
  return new ProviderRequestError(
    'sms',
    `The SMS gateway refused the message (${status}): ${String(message ?? 'no message')}`,
    {
      retryable: status === 429 || status >= 500,
      providerCode: typeof code === 'number' ? code : status,
    }
  );
};

/**
 * Sends replies as SMS through Twilio's Messages API (`POST <base>/2010-04-01/Accounts/<sid>/
 * Messages.json`, Basic auth, form From/To/Body), cut in parts of 1600 characters. Files are not
 * sent (MMS needs public URLs). The returned id is the first message's sid.
 */
export const createSmsSender = (config: SmsChannelConfig): ChannelSender => {
  const url = `${config.apiBaseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
  const post = async (to: string, body: string) => {
    let response: Response;
    let answer: unknown;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ From: config.from, To: to, Body: body }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      answer = await response.json();
    } catch (error) {
      throw new ProviderRequestError('sms', 'The SMS gateway could not be reached.', {
        retryable: true,
        cause: error,
      });
    }
    if (!response.ok) throw failure(response.status, answer);
    const sid = typeof answer === 'object' && answer ? Reflect.get(answer, 'sid') : undefined;
    return typeof sid === 'string' ? sid : undefined;
  };
  return {
    channel: 'sms',
    async send(reply) {
      const to = reply.to.phone;
      if (!to) {
        throw new ProviderRequestError('sms', 'The requester has no phone number to reply to.', {
          retryable: false,
        });
      }
      let firstSid: string | undefined;
      for (const part of splitText(reply.text.trim(), SMS_TEXT_LIMIT)) {
        const sid = await post(to, part);
        firstSid ??= sid;
      }
      return firstSid ? { externalId: firstSid } : {};
    },
  };
};
