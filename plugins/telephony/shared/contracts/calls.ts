/**
 * The one call model every source maps to: Zammad's generic CTI events, our signed events, and
 * the providers' notifications (Mango Office, Zadarma) all become `CallEvent`s; applying them in
 * any order yields one `CallRecord` per call.
 */

import type { IntegrationKind } from './integrations';

/** The three moments of a call, named as in Zammad's generic CTI API. */
export const CALL_EVENT_KINDS = ['newCall', 'answer', 'hangup'] as const;
export type CallEventKind = (typeof CALL_EVENT_KINDS)[number];

export const CALL_DIRECTIONS = ['in', 'out'] as const;
/** `in`: someone calls the platform's number; `out`: an agent (or the PBX for them) calls out. */
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/**
 * Why a call ended, as Zammad's CTI `cause` names it (`normalClearing`, `busy`, `cancel`,
 * `noAnswer`, `congestion`, `notFound`, `forwarded`); providers' own causes are mapped onto these.
 */
export const HANGUP_CAUSES = [
  'normalClearing',
  'busy',
  'cancel',
  'noAnswer',
  'congestion',
  'notFound',
  'forwarded',
] as const;
export type HangupCause = (typeof HANGUP_CAUSES)[number];

/** One thing that happened to a call, from whichever source. */
export interface CallEvent {
  /**
   * The sender's id of this event: the same id twice (per integration) is applied once. Sources
   * without ids (Zammad's CTI) get one derived from the call id and the kind.
   */
  eventId: string;
  kind: CallEventKind;
  /** The PBX's or provider's id of the call; all events of one call share it. */
  callId: string;
  direction: CallDirection;
  /** Numbers as the source gave them; normalised to E.164 when the call is recorded. */
  from: string;
  to: string;
  /** When it happened at the source (not when it reached us): orders out-of-order events. */
  occurredAt: Date;
  /** Agents the PBX names: who is rung (newCall), who answered (answer). */
  user?: string[];
  queue?: string;
  /** The extension or number that picked up. */
  answeringNumber?: string;
  cause?: HangupCause;
  /** The call ended in the voicemail box. */
  voicemail?: boolean;
  /** Where the provider keeps the call's recording, downloaded once the call ended. */
  recordingUrl?: string;
}

/** Where a call is now. */
export type CallStatus = 'ringing' | 'talking' | 'ended';

/** How an ended call went. */
export const CALL_RESULTS = ['answered', 'missed', 'rejected', 'voicemail'] as const;
export type CallResult = (typeof CALL_RESULTS)[number];

/** A call as Support, the cabinet and the pop-up see it. */
export interface CallRecord {
  id: number;
  /** Where the call came from: its kind tells whether a provider can place calls back. */
  integration: { id: number; name: string; kind: IntegrationKind };
  callId: string;
  direction: CallDirection;
  /** E.164 (`+74951234567`) when the number parses, else as the source gave it. */
  from: string;
  to: string;
  queue: string | null;
  /** The admin-panel user who answered, when the PBX named one we know. */
  agent: { id: number; name: string } | null;
  status: CallStatus;
  result: CallResult | null;
  cause: HangupCause | null;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  /** Talk time: from answer to hang-up. */
  durationSeconds: number | null;
  /** The ticket the call belongs to (every call gets one once it is answered or missed). */
  ticket: { id: number; number: string } | null;
  /** The clinic the call is with (caller or callee), by its documentId. */
  clinic: string | null;
  recording: { url: string; expiresAt: string } | null;
}

/** What `ingest` did with an event. */
export interface IngestResult {
  /** False for an event already seen (same event id): nothing changed. */
  applied: boolean;
  call: CallRecord;
}
