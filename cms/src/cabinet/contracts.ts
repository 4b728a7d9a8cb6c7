/**
 * The clinic owner's cabinet as every UI sees it (the portal today, a mobile app tomorrow):
 * plain data in and out, no Koa. Every function takes the signed-in user and checks, on the
 * server, that the clinic is theirs.
 */

/** What a person is to a clinic: owners also manage its administrators and addresses. */
export type ClinicRole = 'owner' | 'administrator';

/**
 * Why the cabinet refuses what a person asked (`error.details.rule`): 403 for a rule of who may
 * do what, 429 for a limit. The message is for developers; a UI words each rule itself.
 */
export type CabinetRule =
  | 'people-only'
  | 'owners-only'
  | 'clinic-not-published'
  | 'shared-doctor'
  | 'invitation-for-another-email'
  | 'invitation-not-sent'
  | 'draft-clinics'
  | 'pending-invitations'
  | 'domain-verified-elsewhere';

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
