import type { CallEvent, HangupCause } from '../../../../shared/contracts';
import { NoticeFieldError, textField, type ProviderNotice } from '../provider-notice';
import { zonedTime } from '../zoned-time';

/**
 * Zadarma's PBX notifications (form POSTs, field `event`) as call events. Each names its call by
 * `pbx_call_id` and carries only the call's start (`call_start`, in the account's time zone):
 * answers and ends are timed on receipt, and an answered end also says how long the talk was.
 */

type Form = Record<string, unknown>;

/** The fields each notification's `Signature` is over, in order, as Zadarma's docs give them. */
const SIGNED_FIELDS: Record<string, string[]> = {
  NOTIFY_START: ['caller_id', 'called_did', 'call_start'],
  NOTIFY_INTERNAL: ['caller_id', 'called_did', 'call_start'],
  NOTIFY_ANSWER: ['caller_id', 'destination', 'call_start'],
  NOTIFY_END: ['caller_id', 'called_did', 'call_start'],
  NOTIFY_OUT_START: ['internal', 'destination', 'call_start'],
  NOTIFY_OUT_END: ['internal', 'destination', 'call_start'],
  NOTIFY_RECORD: ['pbx_call_id', 'call_id_with_rec'],
};

/** The string a notification's signature covers; null for an event we do not take. */
export const zadarmaSignedString = (form: Form): string | null => {
  const fields = SIGNED_FIELDS[String(form.event)];
  return fields ? fields.map((name) => String(form[name] ?? '')).join('') : null;
};

const CAUSES: Record<string, HangupCause> = {
  answered: 'normalClearing',
  busy: 'busy',
  cancel: 'cancel',
  'no answer': 'noAnswer',
  'unallocated number': 'notFound',
};

const field = (form: Form, name: string, required = false) =>
  textField(form, name, [], { required });

const durationOf = (form: Form) => {
  const text = textField(form, 'duration', [], { max: 10 }) ?? '0';
  const seconds = Number(text);
  if (!Number.isSafeInteger(seconds) || seconds < 0) {
    throw new NoticeFieldError(['duration'], 'must be whole seconds');
  }
  return seconds;
};

/**
 * One Zadarma notification as what it means for our calls, received at `now`; `timeZone` is
 * the account's (Zadarma's `call_start` has no offset).
 */
export const zadarmaNotice = (form: Form, now: Date, timeZone: string): ProviderNotice => {
  const event = String(form.event);
  const callId = field(form, 'pbx_call_id', true)!;
  if (event === 'NOTIFY_RECORD') {
    const recording = field(form, 'call_id_with_rec', true)!;
    return { events: [], recording: { callId, reference: `zadarma:${recording}` } };
  }
  const startText = field(form, 'call_start', true)!;
  const start = zonedTime(startText, timeZone);
  if (!start) throw new NoticeFieldError(['call_start'], 'must be YYYY-MM-DD HH:mm:ss');
  const out = event.startsWith('NOTIFY_OUT_');
  const internal = field(form, 'internal');
  const base = {
    callId,
    direction: out ? ('out' as const) : ('in' as const),
    from: (out ? internal : field(form, 'caller_id')) ?? '',
    to: (out ? field(form, 'destination') : field(form, 'called_did')) ?? '',
  };
  const answerAt = (at: Date): CallEvent => ({
    ...base,
    // The same id from NOTIFY_ANSWER and from an answered end: whichever comes first counts.
    eventId: `${callId}:answer`,
    kind: 'answer',
    occurredAt: at,
    ...(internal ? { user: [internal], answeringNumber: internal } : {}),
  });
  switch (event) {
    case 'NOTIFY_START':
    case 'NOTIFY_OUT_START':
      return {
        events: [
          {
            ...base,
            eventId: `${callId}:start`,
            kind: 'newCall',
            // A start delivered late is still no later than its receipt.
            occurredAt: start < now ? start : now,
            ...(internal ? { user: [internal] } : {}),
          },
        ],
      };
    case 'NOTIFY_INTERNAL':
      return { events: [] };
    case 'NOTIFY_ANSWER':
      return { events: [answerAt(now)] };
    case 'NOTIFY_END':
    case 'NOTIFY_OUT_END': {
      const disposition = field(form, 'disposition') ?? '';
      const answered = disposition === 'answered';
      const duration = durationOf(form);
      const recording = form.is_recorded === '1' ? field(form, 'call_id_with_rec') : undefined;
      return {
        events: [
          ...(answered ? [answerAt(new Date(now.getTime() - duration * 1000))] : []),
          {
            ...base,
            eventId: `${callId}:end`,
            kind: 'hangup',
            occurredAt: now,
            cause: CAUSES[disposition] ?? 'congestion',
          },
        ],
        ...(recording ? { recording: { callId, reference: `zadarma:${recording}` } } : {}),
      };
    }
    default:
      return { events: [] };
  }
};
