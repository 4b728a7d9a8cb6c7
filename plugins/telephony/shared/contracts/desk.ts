import type { TicketBrief } from '@vixenhealth/support/contracts';

import type { CallRecord } from './calls';

/**
 * Calls at the Support desk: who calls, the live pop-up, a call's ticket.
 */

/** A clinic as the CMS lends it to telephony (its document id and name). */
export interface CallerClinic {
  documentId: string;
  name: string;
}

/**
 * What the CMS lends telephony about clinics (`cms/src/telephony-callers/`): telephony never
 * reads a clinic itself.
 */
export interface CallerDirectory {
  /** Clinics with this E.164 number among their phones. */
  clinicsByPhone(phone: string): Promise<CallerClinic[]>;
}

/** Who is on the other end of a call, found by their number. */
export interface Caller {
  /** `user`: an ID account; `clinic`: a clinic's phone; `contact`: wrote to Support before. */
  kind: 'user' | 'clinic' | 'contact' | 'unknown';
  phone: string;
  name: string | null;
  userId: number | null;
  clinic: string | null;
  openTickets: TicketBrief[];
}

/** The live notice's topic on the desk's stream. */
export const CALL_NOTICE_TOPIC = 'telephony.call';

/**
 * What the pop-up hears: a ringing call with its caller (shown), or a call that was answered or
 * ended (`caller` null: the pop-up closes).
 */
export interface CallNotice {
  call: CallRecord;
  caller: Caller | null;
}

/** `POST /telephony/calls/:id/ticket`: link the call to a ticket the agent sees. */
export interface PickTicketRequest {
  number: string;
}

/** What linking or creating answers: the call's ticket. */
export interface CallTicketResponse {
  number: string;
}

/** `GET /telephony/tickets/:number/calls`. */
export interface TicketCalls {
  calls: CallRecord[];
}
