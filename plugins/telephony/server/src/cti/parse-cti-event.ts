import {
  CALL_DIRECTIONS,
  CALL_EVENT_KINDS,
  HANGUP_CAUSES,
  type CallEvent,
} from '../../../shared/contracts';
import { asFields, oneOf, optionalText, requiredText, userNames } from '../http/fields';

/** Zammad's convention: an answer by the voicemail box names `voicemail` as its user. */
const VOICEMAIL_USER = 'voicemail';

/**
 * A Zammad generic CTI event (form or JSON params) as a `CallEvent`. Zammad's PBX scripts send
 * `callId` (older ones `call_id`); `answer` and `hangup` may leave out the numbers, which the
 * call's `newCall` gives. CTI events carry no id and no time: the id is the call and the kind
 * (a PBX repeating an event changes nothing) and the time is when it reached us.
 */
export const parseCtiEvent = (body: unknown, receivedAt: Date): CallEvent => {
  const fields = asFields(body);
  const kind = oneOf(fields, 'event', CALL_EVENT_KINDS);
  const direction = oneOf(fields, 'direction', CALL_DIRECTIONS);
  const callId =
    fields.callId === undefined && fields.call_id !== undefined
      ? requiredText(fields, 'call_id')
      : requiredText(fields, 'callId');
  const numbers =
    kind === 'newCall'
      ? { from: requiredText(fields, 'from'), to: requiredText(fields, 'to') }
      : { from: optionalText(fields, 'from') ?? '', to: optionalText(fields, 'to') ?? '' };
  const user = userNames(fields);
  const queue = optionalText(fields, 'queue');
  const answeringNumber = optionalText(fields, 'answeringNumber');
  // Zammad keeps any cause as a comment; causes outside its list say nothing about the result.
  const cause = HANGUP_CAUSES.find((known) => known === optionalText(fields, 'cause'));
  const voicemail = kind === 'answer' && user?.length === 1 && user[0] === VOICEMAIL_USER;
  return {
    eventId: `${callId}:${kind}`,
    kind,
    callId,
    direction,
    ...numbers,
    occurredAt: receivedAt,
    ...(user && !voicemail ? { user } : {}),
    ...(queue ? { queue } : {}),
    ...(answeringNumber ? { answeringNumber } : {}),
    ...(kind === 'hangup' && cause ? { cause } : {}),
    ...(voicemail ? { voicemail } : {}),
  };
};
