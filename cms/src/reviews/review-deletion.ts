import type { Core, Modules } from '@strapi/strapi';

import { REPLY, REPORT, REVIEW, USER } from '../content-types/uids';
import type { Actor } from '../contracts';
import { removeFiles } from './attachment-store';
import { audit } from './audit';
import { recountRatingSummary } from './rating-summary';

export interface DeletableReview {
  id: number;
  documentId: string;
  moderationStatus: string;
  visibility: string;
  targetKey: string;
}

/**
 * Deletes a review for real: its reports, its reply, the review, then its files from disk; the
 * target's summary is recounted if it counted there. The audit keeps that it happened, no more.
 */
export const deleteReview = async (strapi: Core.Strapi, review: DeletableReview, actor: Actor) => {
  const { reply, attachments } = await strapi.db.query(REVIEW).findOne({
    where: { id: review.id },
    populate: { reply: { select: ['id'] }, attachments: true },
  });
  await strapi.db.transaction(async ({ trx }) => {
    await strapi.db.query(REPORT).deleteMany({ where: { review: { id: review.id } } });
    if (reply) await strapi.db.query(REPLY).delete({ where: { id: reply.id } });
    await strapi.db.query(REVIEW).delete({ where: { id: review.id } });
    await audit(strapi, {
      subjectType: 'review',
      subjectId: review.documentId,
      action: 'deleted',
      fromStatus: review.moderationStatus,
      actor,
    });
    if (review.visibility === 'public' && review.moderationStatus === 'approved') {
      await recountRatingSummary(strapi, trx, review.targetKey);
    }
  });
  await removeFiles(strapi, attachments ?? []);
};

/**
 * Deleting a person (their own account deletion in VixenHealth ID, or staff in the admin panel)
 * deletes their reviews and abuse reports with them: reviews are health experiences, not the
 * platform's to keep. Clinic replies they wrote stay: they speak for the clinic.
 */
export const registerAuthorErasure = (strapi: Core.Strapi) => {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (context.uid !== USER || context.action !== 'delete') return next();
    const { documentId } = context.params as { documentId?: string };
    const user = documentId
      ? await strapi.db.query(USER).findOne({ where: { documentId }, select: ['id'] })
      : null;
    if (user) {
      const written: DeletableReview[] = await strapi.db.query(REVIEW).findMany({
        where: { author: { id: user.id } },
        select: ['id', 'documentId', 'moderationStatus', 'visibility', 'targetKey'],
      });
      for (const review of written)
        await deleteReview(strapi, review, { type: 'user', id: user.id });
      await strapi.db.query(REPORT).deleteMany({ where: { reporter: { id: user.id } } });
    }
    return next();
  };
  strapi.documents.use(middleware);
};
