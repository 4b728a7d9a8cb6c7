/**
 * Click-to-call: `POST /telephony/calls` (admin panel) asks a provider's callback API to ring the
 * agent's extension, then the number. The call itself then arrives as the provider's
 * notifications, like any other.
 */
export interface PlaceCallRequest {
  /** The provider integration to call through (Mango Office or Zadarma). */
  integrationId: number;
  /** The agent's extension (Mango) or PBX extension / SIP number (Zadarma) rung first. */
  extension: string;
  /** Whom to call: normalised to E.164, refused when it is not a phone number. */
  number: string;
}

export interface PlacedCall {
  integrationId: number;
  /** The number dialled, in E.164. */
  number: string;
  extension: string;
}

export const EXTENSION_PATTERN = /^[0-9]{1,15}$/;
