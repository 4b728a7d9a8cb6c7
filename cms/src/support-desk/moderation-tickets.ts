import type { Core } from '@strapi/strapi';
import type { ModerationDesk, ModerationKind } from '@vixenhealth/support/contracts';

import { MODERATION_EVENT, REPLY, REVIEW } from '../content-types/uids';

const desk = (strapi: Core.Strapi) =>
  strapi.plugin('support').service('moderation') as unknown as ModerationDesk;

const REVIEW_POPULATE = {
  author: { select: ['id', 'email', 'fullName'] },
  clinic: { select: ['documentId'] },
};

/** Opens the Moderation ticket of a review, a clinic's reply, or a reported review. */
const openTicketFor = async (strapi: Core.Strapi, kind: ModerationKind, documentId: string) => {
  if (kind === 'reply') {
    const reply = await strapi.db.query(REPLY).findOne({ where: { documentId } });
    if (!reply) return;
    await desk(strapi).open({
      kind,
      documentId,
      subject: `Ответ клиники «${reply.clinicName}» на отзыв`,
      text: reply.text,
    });
    return;
  }
  const review = await strapi.db
    .query(REVIEW)
    .findOne({ where: { documentId }, populate: REVIEW_POPULATE });
  if (!review) return;
  await desk(strapi).open({
    kind,
    documentId,
    subject: kind === 'report' ? `Жалоба на отзыв «${review.title}»` : `Отзыв: ${review.title}`,
    text: review.text,
    author:
      kind === 'review' && review.author
        ? {
            userId: review.author.id,
            name: review.author.fullName ?? undefined,
            email: review.author.email,
          }
        : undefined,
    clinic: review.clinic?.documentId ?? null,
  });
};

interface ModerationEvent {
  subjectType: 'review' | 'reply';
  subjectId: string;
  action: string;
  toStatus: string | null;
}

/**
 * Every review or reply that waits for moderation, and every report of a review, is a ticket
 * of the Moderation group; every decision, wherever taken, resolves its tickets. Hooked on the
 * reviews' audit trail, inside the same transaction: a review and its ticket exist together.
 */
export const registerModerationTickets = (strapi: Core.Strapi) => {
  strapi.db.lifecycles.subscribe({
    models: [MODERATION_EVENT],
    async afterCreate(event) {
      const { subjectType, subjectId, action, toStatus } = event.result as ModerationEvent;
      if ((action === 'submitted' || action === 'edited') && toStatus === 'pending') {
        await openTicketFor(strapi, subjectType, subjectId);
      } else if (action === 'reported') {
        await openTicketFor(strapi, 'report', subjectId);
      } else if (['approved', 'rejected', 'hidden', 'deleted'].includes(action)) {
        await desk(strapi).decided(subjectType, subjectId);
        if (subjectType === 'review' && (action === 'hidden' || action === 'deleted')) {
          await desk(strapi).decided('report', subjectId);
        }
      }
    },
  });
};

/** Reviews and replies already waiting (before the desk existed, or from a restore) get tickets. */
export const openMissingModerationTickets = async (strapi: Core.Strapi) => {
  for (const [kind, uid] of [
    ['review', REVIEW],
    ['reply', REPLY],
  ] as const) {
    const pending: { documentId: string }[] = await strapi.db
      .query(uid)
      .findMany({ where: { moderationStatus: 'pending' }, select: ['documentId'] });
    for (const entry of pending) await openTicketFor(strapi, kind, entry.documentId);
  }
};
