import type {
  CallDirection,
  CallEvent,
  CallEventKind,
  CallResult,
  CallStatus,
  HangupCause,
} from '../../../shared/contracts';

/** What a call's events say about it, before numbers are normalised and people looked up. */
export interface CallState {
  callId: string;
  direction: CallDirection;
  from: string;
  to: string;
  queue: string | null;
  /** The names the PBX gave for who answered (or, before an answer, who is rung). */
  agentNames: string[];
  status: CallStatus;
  result: CallResult | null;
  cause: HangupCause | null;
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  durationSeconds: number | null;
  recordingUrl: string | null;
}

const ORDER: Record<CallEventKind, number> = { newCall: 0, answer: 1, hangup: 2 };

const byTimeThenKind = (a: CallEvent, b: CallEvent) =>
  a.occurredAt.getTime() - b.occurredAt.getTime() || ORDER[a.kind] - ORDER[b.kind];

const resultOf = (
  answer: CallEvent | undefined,
  hangup: CallEvent | undefined
): CallResult | null => {
  if (!hangup) return null;
  if (hangup.voicemail || answer?.voicemail) return 'voicemail';
  if (answer) return 'answered';
  return hangup.cause === 'busy' ? 'rejected' : 'missed';
};

/**
 * The state of a call from all its events, whatever order they arrived in: a `hangup` that
 * came before its `answer` still gives an answered call with its talk time. Events of one call
 * (at least one) are folded; the newest of each kind wins.
 */
export const foldCallEvents = (events: readonly CallEvent[]): CallState => {
  if (events.length === 0) throw new RangeError('a call has at least one event');
  const sorted = [...events].sort(byTimeThenKind);
  const last = (kind: CallEventKind) => sorted.filter((event) => event.kind === kind).at(-1);
  const newCall = sorted.find((event) => event.kind === 'newCall');
  const answer = last('answer');
  const hangup = last('hangup');
  const first = newCall ?? sorted[0]!;
  const answeredAt = answer?.occurredAt ?? null;
  const endedAt = hangup?.occurredAt ?? null;
  const named = answer?.user?.length
    ? answer.user
    : answer?.answeringNumber
      ? [answer.answeringNumber]
      : (newCall?.user ?? []);
  return {
    callId: first.callId,
    direction: first.direction,
    from: first.from,
    to: first.to,
    queue: sorted.find((event) => event.queue)?.queue ?? null,
    agentNames: named,
    status: hangup ? 'ended' : answer ? 'talking' : 'ringing',
    result: resultOf(answer, hangup),
    cause: hangup?.cause ?? null,
    startedAt: first.occurredAt,
    answeredAt,
    endedAt,
    durationSeconds:
      answeredAt && endedAt
        ? Math.max(0, Math.round((endedAt.getTime() - answeredAt.getTime()) / 1000))
        : null,
    recordingUrl: sorted.findLast((event) => event.recordingUrl)?.recordingUrl ?? null,
  };
};
