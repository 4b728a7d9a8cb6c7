import type { InboundMessage } from '../../../../shared/contracts';
import { InvalidChannelPayloadError } from '../errors';

const required = (params: Readonly<Record<string, string>>, name: string) => {
  const value = params[name];
  if (!value) throw new InvalidChannelPayloadError('sms', `${name} is missing`);
  return value;
};

/** MMS media stay at the gateway (their URLs need its credentials); the text lists them. */
const mediaLines = (params: Readonly<Record<string, string>>) => {
  const count = Number(params.NumMedia ?? 0);
  const lines: string[] = [];
  for (let index = 0; index < (Number.isSafeInteger(count) ? count : 0); index += 1) {
    const url = params[`MediaUrl${index}`];
    if (url) lines.push(`[${params[`MediaContentType${index}`] ?? 'media'}: ${url}]`);
  }
  return lines;
};

/**
 * Turns Twilio's inbound message webhook (form fields MessageSid, AccountSid, From, To, Body,
 * NumMedia, MediaUrl<n>, MediaContentType<n>) into the desk's inbound message.
 * @throws InvalidChannelPayloadError when MessageSid or From is missing, or nothing was sent
 */
export const twilioWebhookToInbound = (
  params: Readonly<Record<string, string>>
): InboundMessage => {
  const sid = required(params, 'MessageSid');
  const phone = required(params, 'From');
  const text = [params.Body ?? '', ...mediaLines(params)].filter(Boolean).join('\n\n');
  if (!text.trim()) throw new InvalidChannelPayloadError('sms', 'Body is empty');
  return {
    channel: 'sms',
    externalId: `sms:${sid}`,
    from: { phone },
    text,
    receivedAt: new Date(),
    attachments: [],
  };
};
