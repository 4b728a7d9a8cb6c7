import {
  CALL_DIRECTIONS,
  CALL_EVENT_KINDS,
  HANGUP_CAUSES,
  type CallEvent,
} from '../../../shared/contracts';
import { fieldError } from '../errors';
import {
  asFields,
  oneOf,
  optionalText,
  requiredText,
  userNames,
  type Fields,
} from '../http/fields';

const RECORDING_URL_MAX_LENGTH = 2000;

const timestampOf = (fields: Fields) => {
  const value = requiredText(fields, 'timestamp');
  const time = new Date(value);
  // ISO 8601 with a zone: a time without one would mean different moments on different hosts.
  if (!/^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:?\d\d)$/.test(value) || Number.isNaN(time.getTime())) {
    throw fieldError('timestamp', 'must be an ISO 8601 time with a zone (2026-12-07T09:00:00Z)');
  }
  return time;
};

const recordingUrlOf = (fields: Fields) => {
  const value = fields.recordingUrl;
  if (value === undefined || value === null) return undefined;
  const url =
    typeof value === 'string' && value.length <= RECORDING_URL_MAX_LENGTH && URL.parse(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw fieldError('recordingUrl', 'must be an http(s) URL');
  }
  return url.href;
};

const voicemailOf = (fields: Fields) => {
  if (fields.voicemail === undefined) return undefined;
  if (typeof fields.voicemail !== 'boolean') throw fieldError('voicemail', 'must be true or false');
  return fields.voicemail || undefined;
};

/** A `SignedCallEvent` (already verified) as a `CallEvent`; a refusal (400) names the field. */
export const parseSignedEvent = (body: unknown): CallEvent => {
  const fields = asFields(body);
  const kind = oneOf(fields, 'event', CALL_EVENT_KINDS);
  if (fields.user !== undefined && !Array.isArray(fields.user)) {
    throw fieldError('user', 'must be a list of names');
  }
  const user = userNames(fields);
  const queue = optionalText(fields, 'queue');
  const answeringNumber = optionalText(fields, 'answeringNumber');
  const cause = fields.cause === undefined ? undefined : oneOf(fields, 'cause', HANGUP_CAUSES);
  const voicemail = voicemailOf(fields);
  const recordingUrl = recordingUrlOf(fields);
  return {
    eventId: requiredText(fields, 'id'),
    kind,
    callId: requiredText(fields, 'callId'),
    direction: oneOf(fields, 'direction', CALL_DIRECTIONS),
    from: requiredText(fields, 'from'),
    to: requiredText(fields, 'to'),
    occurredAt: timestampOf(fields),
    ...(user ? { user } : {}),
    ...(queue ? { queue } : {}),
    ...(answeringNumber ? { answeringNumber } : {}),
    ...(cause ? { cause } : {}),
    ...(voicemail ? { voicemail } : {}),
    ...(recordingUrl ? { recordingUrl } : {}),
  };
};
