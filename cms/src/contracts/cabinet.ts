/**
 * The clinic owner's cabinet (`/api/cabinet`) as every UI sees it (the portal today, a mobile app
 * tomorrow): plain data in and out, no Koa. Every action takes the signed-in user and checks, on
 * the server, that the clinic is theirs.
 */

/** What a person is to a clinic: owners also manage its administrators and addresses. */
export type ClinicRole = 'owner' | 'administrator';

/** The signed-in person's right to one clinic, established by `clinicAccess`. */
export interface ClinicAccess {
  userId: number;
  role: ClinicRole;
  clinic: { id: number; documentId: string; slug: string; subdomain: string; name: string };
}

/** Where a document stands: never published, published as is, or published with newer edits. */
export type PublicationState = 'draft' | 'published' | 'modified';

/** The kinds of a clinic's content the cabinet edits, by their API names. */
export type ContentKind = 'doctors' | 'services' | 'pages';

/** One document as the cabinet lists it: its draft, and where its publication stands. */
export interface CabinetDocument {
  documentId: string;
  state: PublicationState;
  [field: string]: unknown;
}

/** A clinic as listed for the person who runs it. */
export interface CabinetClinicSummary {
  documentId: string;
  name: string;
  slug: string;
  subdomain: string;
  city: string;
  accountStatus: 'active' | 'suspended';
  state: PublicationState;
  role: ClinicRole;
}

/** A photo of the clinic's library, which its logo, doctors' photos and galleries use. */
export interface ClinicPhoto {
  id: number;
  name: string;
  url: string;
  width: number | null;
  height: number | null;
}

export interface Phone {
  label?: string | null;
  number: string;
}

/** A clinic as the people who run it edit it (`GET /api/cabinet/clinics/:clinic`). */
export interface CabinetClinic extends CabinetClinicSummary {
  /** The domain the owners named; used for nothing until `verifiedDomain` says it is theirs. */
  customDomain: string | null;
  verifiedDomain: string | null;
  shortDescription: string | null;
  description: string | null;
  address: string;
  email: string | null;
  phones: Phone[];
  logo: ClinicPhoto | null;
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

/** What a person invited sees before accepting (`GET /api/cabinet/invitations/:token`). */
export interface InvitationSummary {
  clinic: { documentId: string; name: string };
  email: string;
  expiresAt: string;
}
