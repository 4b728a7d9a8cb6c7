import type { IntegrationKind, IntegrationSummary } from '../../../shared/contracts';

/** A stored integration; `secrets` stays sealed until a verifier needs it. */
export interface IntegrationRow {
  id: number;
  name: string;
  kind: IntegrationKind;
  tokenHash: string;
  secrets: string | null;
  group: string | null;
  clinic: string | null;
  enabled: boolean;
  blockedNumbers: string[] | null;
  outboundCallerId: string | null;
}

/**
 * What an integration keeps secret, sealed together: the signing secret of our signed events,
 * and a provider's API credentials (Mango Office's `vpbx_api_key`/`vpbx_api_salt`, Zadarma's
 * key and secret).
 */
export interface IntegrationSecrets {
  secret: string;
  apiKey?: string;
  apiSecret?: string;
}

export const toIntegrationSummary = (row: IntegrationRow): IntegrationSummary => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  group: row.group,
  clinic: row.clinic,
  enabled: row.enabled,
  blockedNumbers: row.blockedNumbers ?? [],
  outboundCallerId: row.outboundCallerId,
});
