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
}

/** What creating an integration answers, once: the token and secret are never shown again. */
export interface CreatedIntegration extends IntegrationSummary {
  token: string;
  secret: string;
}
