/** Limits of an agent's SIP account, checked by the server and shown by forms. */
export const SIP_ACCOUNT_LIMITS = {
  sipUri: 256,
  authorizationUser: 128,
  password: 128,
  displayName: 100,
  wsUrl: 512,
} as const;

/** What a support lead or super admin sets for an agent: `PUT /telephony/sip-accounts/:userId`. */
export interface SipAccountInput {
  /** `sip:user@domain`, the agent's address of record. */
  sipUri: string;
  /** The digest user name when it differs from the URI's user part. */
  authorizationUser?: string | null;
  password: string;
  /** Shown to the called party. */
  displayName?: string | null;
  /** The SIP server's WebSocket address, `wss://…` (`ws://` for development on loopback). */
  wsUrl: string;
}

/** An agent's SIP account as a lead sees it after setting it: never the password. */
export interface SipAccountSummary {
  userId: number;
  sipUri: string;
  authorizationUser: string | null;
  displayName: string | null;
  wsUrl: string;
}

/** What the agent's own softphone reads to register: `GET /telephony/sip-account`. */
export interface SipCredentials extends SipAccountSummary {
  password: string;
}

/**
 * Click-to-call from any part of the admin panel without importing telephony: dispatch
 * `new CustomEvent(SOFTPHONE_DIAL_EVENT, { detail: { target: '+7 495 …' } })` on `window`, and
 * the agent's softphone calls that number.
 */
export const SOFTPHONE_DIAL_EVENT = 'vixenhealth:softphone-dial';

export interface SoftphoneDialDetail {
  /** A phone number or a SIP address. */
  target: string;
}
