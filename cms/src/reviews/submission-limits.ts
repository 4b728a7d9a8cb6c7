import type { Core } from '@strapi/strapi';

import { REVIEW } from '../content-types/uids';
import type { ReviewSubmission } from './contracts';
import { limitReached } from './review-error';
import { targetKey } from './target';

export const DAILY_LIMIT = 5;
export const SAME_TARGET_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * At most {@link DAILY_LIMIT} reviews per person per day, and one public review of a target per
 * {@link SAME_TARGET_DAYS} days (a rejected one does not count: its author may write it again).
 * @throws RateLimitError (429) naming the rule.
 */
export const checkSubmissionLimits = async (
  strapi: Core.Strapi,
  authorId: number,
  submission: ReviewSubmission,
  now: Date
) => {
  const reviews = strapi.db.query(REVIEW);
  const today = await reviews.count({
    where: { author: { id: authorId }, createdAt: { $gt: new Date(now.getTime() - DAY_MS) } },
  });
  if (today >= DAILY_LIMIT) {
    throw limitReached(`At most ${DAILY_LIMIT} reviews may be written in a day`, {
      rule: 'daily-limit',
    });
  }
  if (submission.visibility !== 'public') return;
  const recent = await reviews.count({
    where: {
      author: { id: authorId },
      targetKey: targetKey(submission.target),
      visibility: 'public',
      moderationStatus: { $ne: 'rejected' },
      createdAt: { $gt: new Date(now.getTime() - SAME_TARGET_DAYS * DAY_MS) },
    },
  });
  if (recent > 0) {
    throw limitReached(
      `You have already reviewed this ${submission.target.type} in the last ${SAME_TARGET_DAYS} days`,
      { rule: 'same-target', path: ['targetType'] }
    );
  }
};
