/**
 * A source of call events: a PBX speaking Zammad's CTI or our signed events, or a provider's
 * account. Each has its own URL token (shown once, stored as a hash) and, for signed sources,
 * a secret (stored encrypted).
 */
export const INTEGRATION_KINDS = ['cti', 'mango', 'zadarma'] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];

export interface IntegrationSummary {
  id: number;
  name: string;
  kind: IntegrationKind;
  /** The Support group (slug) whose agents take its calls. */
  group: string | null;
  /** Set for a clinic's own PBX: its calls show in that clinic's cabinet. */
  clinic: string | null;
  enabled: boolean;
  /** Callers the PBX is told to reject as busy (Zammad's "blocked caller ids"), as the PBX writes them. */
  blockedNumbers: string[];
  /** The caller id outbound calls dial with (Zammad's "default caller id"), when set. */
  outboundCallerId: string | null;
}

/** What creating an integration answers, once: the token and secret are never shown again. */
export interface CreatedIntegration extends IntegrationSummary {
  token: string;
  secret: string;
}

/** Limits of `CreateIntegrationRequest`, checked by the server and shown by forms. */
export const INTEGRATION_LIMITS = {
  nameMaxLength: 120,
  groupMaxLength: 80,
  clinicMaxLength: 40,
  blockedNumbersMax: 500,
  numberMaxLength: 40,
  apiCredentialMaxLength: 500,
} as const;

/** `POST /telephony/integrations` (admin API, Support leads and Super Admins). */
export interface CreateIntegrationRequest {
  name: string;
  kind: IntegrationKind;
  group?: string | null;
  clinic?: string | null;
  blockedNumbers?: string[];
  outboundCallerId?: string | null;
  /** A provider's API credentials, when the integration talks back to it. */
  apiKey?: string;
  apiSecret?: string;
}

export interface CreateIntegrationResponse {
  data: CreatedIntegration;
}

export interface IntegrationListResponse {
  data: IntegrationSummary[];
}

export interface IntegrationResponse {
  data: IntegrationSummary;
}
