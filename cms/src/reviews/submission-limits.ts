import type { Core } from '@strapi/strapi';

import { REVIEW } from '../content-types/uids';
import { REVIEW_SUBMISSIONS, type ReviewSubmission } from '../contracts';
import { limitReached } from '../errors';
import { targetKey } from './target';

const DAILY_LIMIT = REVIEW_SUBMISSIONS.perDay;
const SAME_TARGET_DAYS = REVIEW_SUBMISSIONS.sameTargetDays;
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
    throw limitReached('daily-limit', `At most ${DAILY_LIMIT} reviews may be written in a day`);
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
      'same-target',
      `You have already reviewed this ${submission.target.type} in the last ${SAME_TARGET_DAYS} days`,
      { path: ['targetType'] }
    );
  }
};
