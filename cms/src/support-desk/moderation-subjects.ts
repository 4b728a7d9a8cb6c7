import type { Core } from '@strapi/strapi';
import type {
  ModerationKind,
  ModerationSubjects,
  ModerationSubjectView,
} from '@vixenhealth/support/contracts';

import { MODERATE_REVIEWS } from '../admin-api/permissions';
import { REPLY, REPORT, REVIEW } from '../content-types/uids';
import { decide } from '../reviews/moderation';

const targetNameOf = (review: {
  clinic?: { name: string } | null;
  doctor?: { fullName: string } | null;
}) => review.clinic?.name ?? review.doctor?.fullName ?? 'VixenHealth';

const REVIEW_POPULATE = {
  clinic: { select: ['name'] },
  doctor: { select: ['fullName'] },
};

/** How the desk shows a review, a clinic's reply, or the reports of a review. */
const view = async (
  strapi: Core.Strapi,
  kind: ModerationKind,
  documentId: string
): Promise<ModerationSubjectView | null> => {
  if (kind === 'reply') {
    const reply = await strapi.db.query(REPLY).findOne({ where: { documentId } });
    return reply
      ? {
          kind,
          documentId,
          status: reply.moderationStatus,
          title: reply.clinicName,
          text: reply.text,
          targetName: reply.clinicName,
        }
      : null;
  }
  const review = await strapi.db
    .query(REVIEW)
    .findOne({ where: { documentId }, populate: REVIEW_POPULATE });
  if (!review) return null;
  const reasons =
    kind === 'report'
      ? (
          await strapi.db
            .query(REPORT)
            .findMany({ where: { review: { id: review.id } }, select: ['reason'] })
        ).map((report: { reason: string | null }) => `— ${report.reason || 'без причины'}`)
      : [];
  return {
    kind,
    documentId,
    status: review.moderationStatus,
    title: review.title,
    text: reasons.length ? `${review.text}\n\nЖалобы:\n${reasons.join('\n')}` : review.text,
    targetName: targetNameOf(review),
  };
};

/**
 * Moderation as the Support desk does it: through the reviews' own `decide`, so the rules,
 * the reviews' audit, the rating summary and the author's mail are the same as on the
 * Moderation page. A report is decided on the review it reports.
 */
export const moderationSubjects = (strapi: Core.Strapi): ModerationSubjects => ({
  permission: `api::${MODERATE_REVIEWS.uid}`,
  view: (kind, documentId) => view(strapi, kind, documentId),
  async decide({ kind, documentId, decision, reason, moderatorId }) {
    const result = await decide(strapi, {
      subjectType: kind === 'reply' ? 'reply' : 'review',
      documentId,
      decision,
      reason,
      moderatorId,
    });
    return { status: result.status };
  },
});
