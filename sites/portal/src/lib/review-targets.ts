import { clinicBySlug } from './clinics';
import { doctorBySlug } from './doctors';
import type { ReviewTarget } from './public-reviews';

/** What a review form is for, and how the page names it. */
export interface ReviewFormSubject {
  target: ReviewTarget;
  /** "о клинике «Лисья тропа»" */
  about: string;
  /** The page of what is reviewed. */
  href: string;
}

/**
 * The clinic (`/clinics/<slug>/review`) or doctor (`/doctors/<slug>/review`) a review form is
 * for; null for anything else, or one not published.
 */
export const reviewFormSubject = async (
  kind: string | undefined,
  slug: string | undefined
): Promise<ReviewFormSubject | null> => {
  if (kind === 'clinics') {
    const clinic = await clinicBySlug(slug);
    return clinic
      ? {
          target: { type: 'clinic', documentId: clinic.documentId },
          about: `о клинике «${clinic.name}»`,
          href: `/clinics/${clinic.slug}`,
        }
      : null;
  }
  if (kind === 'doctors') {
    const doctor = await doctorBySlug(slug);
    return doctor
      ? {
          target: { type: 'doctor', documentId: doctor.documentId },
          about: `о враче: ${doctor.fullName}`,
          href: `/doctors/${doctor.slug}`,
        }
      : null;
  }
  return null;
};
