import { readApprovedReviews, type ReviewTarget } from '@vixenhealth/api-client';

import { cms } from './cms';

export type { PublicReview, ReviewTarget } from '@vixenhealth/api-client';

/** The 20 newest approved public reviews of `target`, for its page. */
export const approvedReviews = (target: ReviewTarget) => readApprovedReviews(cms(), target, 20);

/** "май 2026" from "2026-05". */
export const formatVisitMonth = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('ru-RU', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
