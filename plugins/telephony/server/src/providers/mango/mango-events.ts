import type { CallDirection, CallEvent, HangupCause } from '../../../../shared/contracts';
import { NoticeFieldError, textField, type ProviderNotice } from '../provider-notice';

/**
 * Mango Office's notifications (`POST <our URL>/events/<name>`, its `json` field) as call
 * events. A call is Mango's `entry_id`: one entry has several legs (`call_id`), the caller's and
 * one per employee rung. Legs appear and connect (`/events/call`); the entry's end and outcome
 * come once, in `/events/summary`, which alone also yields a whole call record.
 */

type Json = Record<string, unknown>;

const PATH = ['json'];

const objectField = (source: Json, name: string): Json => {
  const value = source[name];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new NoticeFieldError([...PATH, name], 'must be an object');
  }
  return value as Json;
};

const secondsField = (source: Json, name: string, required = true): Date | undefined => {
  const text = textField(source, name, PATH, { required, max: 20 });
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (!Number.isSafeInteger(seconds) || seconds < 0) {
    throw new NoticeFieldError([...PATH, name], 'must be unix seconds');
  }
  return new Date(seconds * 1000);
};

const party = (source: Json, name: string) => {
  const value = objectField(source, name);
  return {
    extension: textField(value, 'extension', [...PATH, name], { max: 40 }),
    number: textField(value, 'number', [...PATH, name]),
    lineNumber: textField(value, 'line_number', [...PATH, name], { max: 40 }),
    acdGroup: textField(value, 'acd_group', [...PATH, name], { max: 80 }),
  };
};

/** An employee's extension is the agent's side; the other is the caller or callee. */
const sides = (
  from: ReturnType<typeof party>,
  to: ReturnType<typeof party>,
  direction: CallDirection
) =>
  direction === 'in'
    ? {
        from: from.number ?? '',
        to: to.lineNumber ?? to.number ?? to.extension ?? '',
        agent: to.extension,
      }
    : { from: from.number ?? from.extension ?? '', to: to.number ?? '', agent: from.extension };

const callEvent = (json: Json): CallEvent[] => {
  const entryId = textField(json, 'entry_id', PATH, { required: true })!;
  const legId = textField(json, 'call_id', PATH, { required: true })!;
  const seq = textField(json, 'seq', PATH, { required: true, max: 20 })!;
  const occurredAt = secondsField(json, 'timestamp')!;
  const state = textField(json, 'call_state', PATH, { required: true, max: 40 })!;
  const from = party(json, 'from');
  const to = party(json, 'to');
  // An employee calling out is the `from` side; a caller from outside has only a number.
  const direction: CallDirection = from.extension ? 'out' : 'in';
  const { agent, ...numbers } = sides(from, to, direction);
  const base = {
    eventId: `${entryId}:${legId}:${seq}`,
    callId: entryId,
    direction,
    ...numbers,
    occurredAt,
    ...(to.acdGroup ? { queue: to.acdGroup } : {}),
  };
  switch (state) {
    case 'Appeared':
      return [{ ...base, kind: 'newCall', ...(agent ? { user: [agent] } : {}) }];
    case 'Connected':
      return [
        { ...base, kind: 'answer', ...(agent ? { user: [agent], answeringNumber: agent } : {}) },
      ];
    // A leg on hold or hung up says nothing of the entry (other legs may go on): its end and
    // outcome come with the summary.
    case 'OnHold':
    case 'Disconnected':
      return [];
    default:
      throw new NoticeFieldError([...PATH, 'call_state'], 'is not a Mango Office call state');
  }
};

/** `call_direction`: 1 inbound, 2 outbound, 0 internal (an employee calling out, for us). */
const summaryDirection = (value: string | undefined): CallDirection =>
  value === '1' ? 'in' : 'out';

/**
 * Mango's `disconnect_reason` codes of the 11xx series end a call normally; 1110 is the caller
 * hanging up, which before an answer means they gave up waiting.
 */
const causeOf = (answered: boolean, reason: string | undefined): HangupCause => {
  if (answered) return 'normalClearing';
  return reason === '1110' ? 'cancel' : 'noAnswer';
};

const summaryEvents = (json: Json): CallEvent[] => {
  const entryId = textField(json, 'entry_id', PATH, { required: true })!;
  const direction = summaryDirection(textField(json, 'call_direction', PATH, { max: 2 }));
  const to = party(json, 'to');
  // The summary names the line called beside the parties, not in `to`.
  const lineNumber = textField(json, 'line_number', PATH, { max: 40 }) ?? to.lineNumber;
  const { agent, ...numbers } = sides(party(json, 'from'), { ...to, lineNumber }, direction);
  const createdAt = secondsField(json, 'create_time')!;
  const talkAt = secondsField(json, 'talk_time', false);
  const endedAt = secondsField(json, 'end_time')!;
  const answered = textField(json, 'entry_result', PATH, { max: 2 }) === '1' && !!talkAt?.getTime();
  const reason = textField(json, 'disconnect_reason', PATH, { max: 10 });
  const base = { callId: entryId, direction, ...numbers };
  return [
    { ...base, eventId: `${entryId}:summary:newCall`, kind: 'newCall', occurredAt: createdAt },
    ...(answered
      ? [
          {
            ...base,
            eventId: `${entryId}:summary:answer`,
            kind: 'answer' as const,
            occurredAt: talkAt!,
            ...(agent ? { user: [agent], answeringNumber: agent } : {}),
          },
        ]
      : []),
    {
      ...base,
      eventId: `${entryId}:summary:hangup`,
      kind: 'hangup',
      occurredAt: endedAt,
      cause: causeOf(answered, reason),
    },
  ];
};

/** `/events/recording` says when a recording is complete; `/events/record/added` that it is stored. */
const recordingNotice = (json: Json, complete: boolean): ProviderNotice => {
  const entryId = textField(json, 'entry_id', PATH, { required: true })!;
  const recordingId = textField(json, 'recording_id', PATH, { required: true })!;
  return complete
    ? { events: [], recording: { callId: entryId, reference: `mango:${recordingId}` } }
    : { events: [] };
};

/**
 * One Mango notification as what it means for our calls; events we do not use (DTMF, SMS,
 * a callback's result) mean nothing.
 */
export const mangoNotice = (event: string, jsonText: string): ProviderNotice => {
  let json: Json;
  try {
    json = JSON.parse(jsonText) as Json;
  } catch {
    throw new NoticeFieldError(PATH, 'must be JSON');
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new NoticeFieldError(PATH, 'must be a JSON object');
  }
  switch (event) {
    case 'call':
      return { events: callEvent(json) };
    case 'summary':
      return { events: summaryEvents(json) };
    case 'recording':
      return recordingNotice(
        json,
        textField(json, 'recording_state', PATH, { max: 40 }) === 'Completed'
      );
    case 'record/added':
      return recordingNotice(json, true);
    default:
      return { events: [] };
  }
};
