import type { ContentKind } from '../contracts';
import { DOCTOR, PAGE, SERVICE } from '../content-types/uids';

/** What a clinic's cabinet edits: its doctors, services and pages. */
export type ClinicContentUid = typeof DOCTOR | typeof SERVICE | typeof PAGE;

export interface ContentKindInfo {
  uid: ClinicContentUid;
  /** The relation that ties a document to its clinic: a doctor may work in several. */
  clinicField: 'clinic' | 'clinics';
  /** What one is called in messages. */
  label: string;
  populate: Record<string, unknown>;
  sort: string[];
}

export const CONTENT_KINDS: Readonly<Record<ContentKind, ContentKindInfo>> = {
  doctors: {
    uid: DOCTOR,
    clinicField: 'clinics',
    label: 'Doctor',
    populate: {
      specialty: { fields: ['documentId', 'name'] },
      photo: { fields: ['id', 'url', 'name'] },
    },
    sort: ['fullName:asc'],
  },
  services: {
    uid: SERVICE,
    clinicField: 'clinic',
    label: 'Service',
    populate: { specialty: { fields: ['documentId', 'name'] } },
    sort: ['name:asc'],
  },
  pages: {
    uid: PAGE,
    clinicField: 'clinic',
    label: 'Page',
    populate: { body: { populate: '*' }, seo: true },
    sort: ['position:asc', 'title:asc'],
  },
};

export const CONTENT_KIND_NAMES = Object.keys(CONTENT_KINDS) as ContentKind[];
