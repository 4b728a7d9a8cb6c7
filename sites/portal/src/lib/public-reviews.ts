import { cms, timeout } from './cms';

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
 * The newest approved public reviews of `target`: the API returns nothing else, so pending,
 * rejected and private reviews cannot reach a page.
 */
export const approvedReviews = async (target: ReviewTarget, pageSize = 20) => {
  const answer = (await cms().get('/reviews', {
    query: {
      filters: { [target.type]: { documentId: { $eq: target.documentId } } },
      sort: ['createdAt:desc'],
      populate: ['reply'],
      pagination: { pageSize },
    },
    signal: timeout(),
  })) as { data?: PublicReview[] };
  return answer.data ?? [];
};

/** "май 2026" from "2026-05". */
export const formatVisitMonth = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('ru-RU', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
