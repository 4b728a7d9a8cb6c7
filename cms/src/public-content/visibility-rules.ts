/**
 * What makes a published entry visible to the public, by content type: nothing of a suspended
 * clinic is shown, a doctor is shown while they work in at least one active clinic, and reviews
 * only once approved, if public.
 */
export const VISIBILITY_FILTERS: Readonly<Record<string, Record<string, unknown>>> = {
  'api::clinic.clinic': { accountStatus: 'active' },
  'api::doctor.doctor': { clinics: { accountStatus: 'active' } },
  'api::service.service': { clinic: { accountStatus: 'active' } },
  'api::page.page': { clinic: { accountStatus: 'active' } },
  // Reviews and replies reach the public once a moderator approved them, and private ones never.
  'api::review.review': { moderationStatus: 'approved', visibility: 'public' },
  'api::review.review-reply': { moderationStatus: 'approved' },
};

/** Adds the visibility rule of `uid` to filters the caller asked for. */
export const withVisibility = (uid: string, filters: unknown): unknown => {
  const rule = VISIBILITY_FILTERS[uid];
  if (!rule) return filters;
  const asked = filters && typeof filters === 'object' && Object.keys(filters).length > 0;
  return asked ? { $and: [filters, rule] } : rule;
};
