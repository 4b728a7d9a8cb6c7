import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import { adminActionPolicies, type AdminAction } from '../admin-access/admin-actions';
import { ADMIN_ROLE, REVIEW } from '../content-types/uids';
import { sendAttachment } from './attachment-access';
import type { ModerationDecision, ModerationSubjectType } from './contracts';
import { decideMany } from './moderation';
import { moderationQueue, reviewForModeration } from './moderation-queue';
import { fieldError } from './review-error';

/** The admin-panel permission of moderators; nothing else is needed to work the queue. */
export const MODERATION_ADMIN_ACTION: AdminAction = {
  section: 'settings',
  category: 'moderation',
  subCategory: 'reviews',
  displayName: 'Moderate reviews and clinic replies',
  uid: 'reviews.moderate',
};
export const MODERATE_ACTION = `api::${MODERATION_ADMIN_ACTION.uid}`;
export const MODERATOR_ROLE_CODE = 'moderator';
const MAX_BULK = 100;

/** Keeps the `Moderator` role at exactly one right: moderating (registered before this runs). */
export const registerModeratorRole = async (strapi: Core.Strapi) => {
  const roles = strapi.service('admin::role');
  const role =
    (await strapi.db.query(ADMIN_ROLE).findOne({ where: { code: MODERATOR_ROLE_CODE } })) ??
    (await roles.create({
      name: 'Moderator',
      code: MODERATOR_ROLE_CODE,
      description: 'Approves, rejects and hides reviews and clinic replies; nothing else',
    }));
  await roles.assignPermissions(role.id, [
    { action: MODERATE_ACTION, subject: null, properties: {}, conditions: [] },
  ]);
};

const moderatorId = (ctx: Context): number => {
  const id = (ctx.state.user as { id?: number } | undefined)?.id;
  if (!id) throw new errors.UnauthorizedError('Sign in to the admin panel');
  return id;
};

const readDecisions = (body: unknown) => {
  const {
    decision,
    subjectType = 'review',
    documentIds,
    reason,
  } = (body ?? {}) as Record<string, unknown>;
  if (!['approve', 'reject', 'hide'].includes(decision as string)) {
    throw fieldError('decision', 'decision must be approve, reject or hide', decision);
  }
  if (subjectType !== 'review' && subjectType !== 'reply') {
    throw fieldError('subjectType', 'subjectType must be review or reply', subjectType);
  }
  if (
    !Array.isArray(documentIds) ||
    documentIds.length === 0 ||
    documentIds.length > MAX_BULK ||
    !documentIds.every((id) => typeof id === 'string')
  ) {
    throw fieldError('documentIds', `documentIds must list 1 to ${MAX_BULK} ids`);
  }
  return {
    decision: decision as ModerationDecision,
    subjectType: subjectType as ModerationSubjectType,
    documentIds: documentIds as string[],
    reason,
  };
};

/**
 * The moderation queue's admin API, behind the admin panel's sign-in and the moderate permission:
 * the queue, decisions (one or many), and attachments of any review, served to moderators only.
 */
export const registerModerationRoutes = (strapi: Core.Strapi) => {
  const policies = adminActionPolicies(MODERATE_ACTION);
  strapi.server.routes({
    type: 'admin',
    prefix: '',
    routes: [
      {
        method: 'GET',
        path: '/review-moderation/queue',
        handler: async (ctx: Context) => {
          ctx.body = { data: await moderationQueue(strapi) };
        },
        config: { policies },
      },
      {
        method: 'POST',
        path: '/review-moderation/decisions',
        handler: async (ctx: Context) => {
          const { decision, subjectType, documentIds, reason } = readDecisions(ctx.request.body);
          const moderator = moderatorId(ctx);
          const results = await decideMany(
            strapi,
            documentIds.map((documentId) => ({
              subjectType,
              documentId,
              decision,
              reason,
              moderatorId: moderator,
            }))
          );
          ctx.body = { data: results };
        },
        config: { policies },
      },
      {
        method: 'GET',
        path: '/review-moderation/reviews/:id',
        handler: async (ctx: Context) => {
          const review = await reviewForModeration(strapi, ctx.params.id);
          if (!review) throw new errors.NotFoundError('Review not found');
          ctx.body = { data: review };
        },
        config: { policies },
      },
      {
        method: 'GET',
        path: '/review-moderation/reviews/:id/attachments/:fileId',
        handler: async (ctx: Context) => {
          const review = await strapi.db
            .query(REVIEW)
            .findOne({ where: { documentId: ctx.params.id }, select: ['id'] });
          if (!review) throw new errors.NotFoundError('Review not found');
          await sendAttachment(strapi, ctx, review.id, Number(ctx.params.fileId));
        },
        config: { policies },
      },
    ],
  } as never);
};
