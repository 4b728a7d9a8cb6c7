import type { CallResult, CallStatus } from './calls';

/**
 * Zammad's generic CTI API, which many PBXs and scripts already speak: events come as form or
 * JSON bodies to `POST /api/telephony/cti/<integration token>`; the answer to `newCall` may tell
 * the PBX to reject the call or which caller id to dial out with.
 */
export type CtiReply =
  | Record<string, never>
  | { action: 'reject'; reason: 'busy' }
  | { action: 'dial'; caller_id: string; number: string };

/** The largest body either webhook reads; a larger one is answered 413 and not read. */
export const WEBHOOK_BODY_LIMIT_BYTES = 64 * 1024;

/** The longest id, number or name a webhook takes in one field. */
export const WEBHOOK_FIELD_MAX_LENGTH = 200;

/**
 * Our signed variant, `POST /api/telephony/events/<integration token>`: a JSON event with its own
 * id, signed with the integration's secret. The signature header is
 * `X-VixenHealth-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.
 */
export const SIGNATURE_HEADER = 'x-vixenhealth-signature';
/** How far the signature's time may be from ours, either way: older events are replays. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The body of a signed event. */
export interface SignedCallEvent {
  id: string;
  event: 'newCall' | 'answer' | 'hangup';
  callId: string;
  direction: 'in' | 'out';
  from: string;
  to: string;
  /** ISO 8601 time at the PBX. */
  timestamp: string;
  user?: string[];
  queue?: string;
  answeringNumber?: string;
  cause?: string;
  voicemail?: boolean;
  recordingUrl?: string;
}

/**
 * The answer to a signed event: whether it changed anything (false for an event id seen
 * before) and where its call now is.
 */
export interface SignedEventResponse {
  data: {
    applied: boolean;
    call: { id: number; status: CallStatus; result: CallResult | null };
  };
}
