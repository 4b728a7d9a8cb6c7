/**
 * The cabinet API's answers (`/api/cabinet`). What the CMS's contracts already name is taken
 * from them; the rest is named here, since its OpenAPI description gives custom routes no shape.
 * Type-only: nothing of the CMS reaches the portal's build.
 */

import type {
  CabinetClinicSummary,
  ClinicPhoto as Photo,
  PublicationState,
} from '../../../../../cms/src/cabinet/contracts';

export type {
  CabinetClinicSummary,
  CabinetRule,
  ClinicPhoto as Photo,
  ClinicRole,
  ContentKind,
  PublicationState,
} from '../../../../../cms/src/cabinet/contracts';
export type {
  DomainCheckResult,
  DomainStatus,
  DomainVerification,
} from '../../../../../cms/src/sites/domains/contracts';
export type {
  DeployRecord,
  DeployStatus,
  DeploySummary,
} from '../../../../../cms/src/sites/deploys/contracts';

export interface Phone {
  label?: string | null;
  number: string;
}

export interface CabinetClinic extends CabinetClinicSummary {
  /** The domain the owners named; used for nothing until `verifiedDomain` says it is theirs. */
  customDomain: string | null;
  verifiedDomain: string | null;
  shortDescription: string | null;
  description: string | null;
  address: string;
  email: string | null;
  phones: Phone[];
  logo: Photo | null;
}

/** A block of a page's body (a dynamic zone): `__component` names its kind. */
export interface PageBlock {
  __component: string;
  [field: string]: unknown;
}

export interface CabinetPage {
  documentId: string;
  state: PublicationState;
  title: string;
  slug: string;
  position: number | null;
  body: PageBlock[] | null;
}

export interface CabinetDoctor {
  documentId: string;
  state: PublicationState;
  fullName: string;
  experienceYears: number | null;
  biography: string | null;
}

export interface CabinetService {
  documentId: string;
  state: PublicationState;
  name: string;
  /** In minor units (kopecks). */
  price: number;
  currency: string;
  durationMinutes: number | null;
}

/** Each kind of a clinic's content, as the cabinet lists it. */
export interface ContentOf {
  doctors: CabinetDoctor;
  services: CabinetService;
  pages: CabinetPage;
}

export interface TeamMember {
  id: number;
  fullName: string | null;
  email: string;
}

export interface Team {
  owners: TeamMember[];
  administrators: TeamMember[];
  invitations: { id: number; email: string; expiresAt: string }[];
}

export interface InvitationSummary {
  clinic: { documentId: string; name: string };
  email: string;
  expiresAt: string;
}
