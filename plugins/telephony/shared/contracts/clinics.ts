import type { CallRecord } from './calls';
import type { CreatedIntegration, IntegrationSummary } from './integrations';

/**
 * A clinic's calls and its own PBX's tokens, as the CMS's cabinet asks telephony for them (the
 * `clinics` service) once it has checked the clinic is the person's.
 */
export interface ClinicTelephony {
  /** Calls with the clinic: through its own integrations, or from or to one of its phones. */
  calls(clinic: { documentId: string; phones: string[] }): Promise<CallRecord[]>;
  /** The clinic's own integrations that are not revoked. */
  integrations(documentId: string): Promise<IntegrationSummary[]>;
  /** A Zammad-CTI integration for the clinic's PBX; its token is in the answer only. */
  createIntegration(documentId: string, name: string): Promise<CreatedIntegration>;
  /** Revokes the clinic's integration `id`: its token stops working. False when none. */
  revokeIntegration(documentId: string, id: number): Promise<boolean>;
}

/** How many calls the cabinet shows (the newest). */
export const CLINIC_CALLS_SHOWN = 200;
/** How many live integrations a clinic may hold at once. */
export const CLINIC_INTEGRATIONS_MAX = 5;
