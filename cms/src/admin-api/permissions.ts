import type { AdminAction } from '../admin-access/admin-actions';

/** The admin-panel permission of moderators; nothing else is needed to work the queue. */
export const MODERATE_REVIEWS: AdminAction = {
  section: 'settings',
  category: 'moderation',
  subCategory: 'reviews',
  displayName: 'Moderate reviews and clinic replies',
  uid: 'reviews.moderate',
};

/** The admin-panel permission to read every clinic's deploy history (support staff). */
export const READ_DEPLOYS: AdminAction = {
  section: 'settings',
  category: 'sites',
  subCategory: 'deploys',
  displayName: "Read clinic sites' deploy history and logs",
  uid: 'site-deploys.read',
};
