import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { notFound, signInRequired } from '../../errors';
import { sendAttachment } from '../../reviews/attachment-access';
import { decideMany } from '../../reviews/moderation';
import { moderationQueue, reviewForModeration, reviewRowId } from '../../reviews/moderation-queue';
import { validateDecisionsInput } from '../validation/review-moderation';

const moderatorId = (ctx: Context): number => {
  const id = (ctx.state.user as { id?: number } | undefined)?.id;
  if (!id) throw signInRequired('Sign in to the admin panel');
  return id;
};

/**
 * The moderation queue's admin API: the queue, decisions (one or many), and attachments of any
 * review, served to moderators only.
 */
export const reviewModerationController = (strapi: Core.Strapi) => ({
  async queue(ctx: Context) {
    ctx.body = { data: await moderationQueue(strapi) };
  },
  async decide(ctx: Context) {
    const { decision, subjectType, documentIds, reason } = validateDecisionsInput(ctx.request.body);
    const moderator = moderatorId(ctx);
    ctx.body = {
      data: await decideMany(
        strapi,
        documentIds.map((documentId) => ({
          subjectType,
          documentId,
          decision,
          reason,
          moderatorId: moderator,
        }))
      ),
    };
  },
  async findReview(ctx: Context) {
    const review = await reviewForModeration(strapi, ctx.params.id);
    if (!review) throw notFound('Review');
    ctx.body = { data: review };
  },
  async attachment(ctx: Context) {
    const reviewId = await reviewRowId(strapi, ctx.params.id);
    if (reviewId === null) throw notFound('Review');
    await sendAttachment(strapi, ctx, reviewId, Number(ctx.params.fileId));
  },
});

export type ReviewModerationAction = keyof ReturnType<typeof reviewModerationController>;
