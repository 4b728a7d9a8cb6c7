import type { CmsClient } from './client';
import { cmsTimeout } from './env';

/**
 * An approved public review as `GET /api/reviews` gives it (`cms/src/api/review`); the CMS's
 * OpenAPI description does not give its custom routes' answers a shape.
 */
export interface PublicReview {
  documentId: string;
  rating: number;
  title: string;
  text: string;
  visitMonth: string | null;
  authorName: string;
  createdAt: string;
  reply?: { text?: string } | null;
}

/** What a review is about: a clinic or a doctor, by document id. */
export interface ReviewTarget {
  type: 'clinic' | 'doctor';
  documentId: string;
}

/**
 * The newest `pageSize` approved public reviews of `target`, with the clinic's reply: the API
 * returns nothing else, so pending, rejected and private reviews cannot reach a page.
 *
 * @example
 * ```ts
 * const reviews = await readApprovedReviews(cms, { type: 'clinic', documentId }, 20);
 * ```
 */
export const readApprovedReviews = async (
  cms: CmsClient,
  target: ReviewTarget,
  pageSize: number
): Promise<PublicReview[]> => {
  const answer = (await cms.get('/reviews', {
    query: {
      filters: { [target.type]: { documentId: { $eq: target.documentId } } },
      sort: ['createdAt:desc'],
      populate: ['reply'],
      pagination: { pageSize },
    },
    signal: cmsTimeout(),
  })) as { data?: PublicReview[] };
  return answer.data ?? [];
};
