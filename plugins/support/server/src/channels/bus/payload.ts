import type { ConsumeMessage } from 'amqplib';

import { SUPPORT_LIMITS } from '../../../../shared/contracts';
import type { BusInboundMessage } from '../../../../shared/contracts';
import { InvalidChannelPayloadError } from '../errors';

/** A larger message is not read: it goes to the invalid queue as it is. */
export const BUS_MESSAGE_MAX_BYTES = 256 * 1024;

const invalid = (detail: string) => new InvalidChannelPayloadError('esb', detail);

const text = (value: unknown, name: string, limits: { min: number; max: number }) => {
  if (typeof value !== 'string') throw invalid(`${name} must be a string`);
  const trimmed = value.trim();
  if (trimmed.length < limits.min || trimmed.length > limits.max) {
    throw invalid(`${name} must have ${limits.min} to ${limits.max} characters`);
  }
  return trimmed;
};

const optionalText = (value: unknown, name: string) => {
  if (value === undefined || value === null || value === '') return undefined;
  return text(value, name, { min: 1, max: 320 });
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const parseJson = (content: Buffer): unknown => {
  try {
    return JSON.parse(content.toString('utf8'));
  } catch {
    throw invalid('the body is not JSON');
  }
};

/**
 * Reads a bus message into the desk's inbound message. The payload is a BusTicketPayload
 * (`@vixenhealth/support/contracts`):
 *
 * ```json
 * { "subject": "…", "body": "…", "requester": { "email": "…", "phone": "…", "name": "…" },
 *   "group": "billing", "clinic": "<documentId>" }
 * ```
 *
 * published with the AMQP `message_id` property set (the externalId is `esb:<message_id>`).
 * @throws InvalidChannelPayloadError naming what is wrong (never quoting the content)
 */
export const busMessageToInbound = (message: ConsumeMessage): BusInboundMessage => {
  const { messageId, timestamp } = message.properties;
  if (typeof messageId !== 'string' || !messageId)
    throw invalid('the message_id property is missing');
  if (message.content.byteLength > BUS_MESSAGE_MAX_BYTES) {
    throw invalid(`the body is larger than ${BUS_MESSAGE_MAX_BYTES} bytes`);
  }
  const payload = parseJson(message.content);
  if (!isObject(payload)) throw invalid('the body must be a JSON object');
  if (!isObject(payload.requester)) throw invalid('requester is missing');
  const requester = {
    email: optionalText(payload.requester.email, 'requester.email'),
    phone: optionalText(payload.requester.phone, 'requester.phone'),
    name: optionalText(payload.requester.name, 'requester.name'),
  };
  if (!requester.email && !requester.phone && !requester.name) {
    throw invalid('requester needs an email, a phone or a name');
  }
  if (requester.email && !/^[^\s@]+@[^\s@]+$/.test(requester.email)) {
    throw invalid('requester.email is not an address');
  }
  const from = Object.fromEntries(Object.entries(requester).filter(([, value]) => value));
  const group = optionalText(payload.group, 'group');
  const clinic = optionalText(payload.clinic, 'clinic');
  return {
    channel: 'esb',
    externalId: `esb:${messageId}`,
    from,
    subject: text(payload.subject, 'subject', SUPPORT_LIMITS.subject),
    text: text(payload.body, 'body', SUPPORT_LIMITS.body),
    receivedAt: typeof timestamp === 'number' ? new Date(timestamp * 1000) : new Date(),
    attachments: [],
    ...(group ? { groupSlug: group } : {}),
    ...(clinic ? { clinic } : {}),
  };
};
