import { factories, type Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { REVIEW } from '../../../content-types/uids';
import { fieldError } from '../../../errors';
import { signedInUserId } from '../../../identity/signed-in-user';
import { publicReadActions } from '../../../public-content/public-read-controller';
import { sendAttachment } from '../../../reviews/attachment-access';
import {
  authorOf,
  deleteOwnReview,
  editOwnReview,
  listOwnReviews,
  ownReviewId,
  readOwnReview,
  replyToReview,
  reportReview,
  submitReview,
} from '../../../reviews/author-reviews';
import { dropTemporaryFiles, filesOf } from '../../../reviews/incoming-files';
import { privacyAdvice } from '../../../reviews/privacy-advice';
import { readRatingSummary } from '../../../reviews/rating-summary';
import { targetKey } from '../../../reviews/target';
import { validateSummaryQuery } from '../../../reviews/validation/review';

type Body = { data?: unknown } & Record<string, unknown>;

/** The person signed in (ID or users-permissions token); a service token is not a person. */
const signedInAuthor = (strapi: Core.Strapi, ctx: Context) =>
  authorOf(
    strapi,
    signedInUserId(ctx, 'Reviews are written by people: sign in with VixenHealth ID')
  );

/** `data` of a JSON body, or of a multipart form (where it is a JSON string next to the files). */
const dataOf = (ctx: Context): unknown => {
  const body = (ctx.request.body ?? {}) as Body;
  if (typeof body.data !== 'string') return body.data;
  try {
    return JSON.parse(body.data);
  } catch {
    throw fieldError('data', 'data must be JSON');
  }
};

export default factories.createCoreController(REVIEW, ({ strapi }) => {
  return {
    ...publicReadActions(strapi, REVIEW),

    /** The rating summary of approved public reviews: `?targetType=clinic&clinic=<id>`. */
    async summary(ctx: Context) {
      const key = targetKey(validateSummaryQuery(ctx.query));
      ctx.body = { data: { targetKey: key, ...(await readRatingSummary(strapi, key)) } };
    },

    /** What the form shows before sending: should this go out as a private review? */
    async advice(ctx: Context) {
      const data = (dataOf(ctx) ?? {}) as Record<string, unknown>;
      const names = Array.isArray(data.files) ? data.files.map(String).slice(0, 20) : [];
      const advice = privacyAdvice({
        title: typeof data.title === 'string' ? data.title.slice(0, 500) : '',
        text: typeof data.text === 'string' ? data.text.slice(0, 10_000) : '',
        visibility: typeof data.visibility === 'string' ? data.visibility : 'public',
        hasLogs: names.some((name) => /\.(log|txt|json)$/i.test(name)),
      });
      ctx.body = { data: { advice } };
    },

    async create(ctx: Context) {
      const files = filesOf(ctx);
      try {
        const author = await signedInAuthor(strapi, ctx);
        const { review, advice } = await submitReview(strapi, author, dataOf(ctx), files);
        ctx.status = 201;
        ctx.body = { data: review, meta: { warnings: advice ? [advice] : [] } };
      } finally {
        await dropTemporaryFiles(files);
      }
    },

    async mine(ctx: Context) {
      ctx.body = { data: await listOwnReviews(strapi, await signedInAuthor(strapi, ctx)) };
    },

    async findMine(ctx: Context) {
      const author = await signedInAuthor(strapi, ctx);
      ctx.body = { data: await readOwnReview(strapi, author, ctx.params.id) };
    },

    async update(ctx: Context) {
      const author = await signedInAuthor(strapi, ctx);
      ctx.body = { data: await editOwnReview(strapi, author, ctx.params.id, dataOf(ctx)) };
    },

    async delete(ctx: Context) {
      await deleteOwnReview(strapi, await signedInAuthor(strapi, ctx), ctx.params.id);
      ctx.status = 204;
    },

    async report(ctx: Context) {
      await reportReview(strapi, await signedInAuthor(strapi, ctx), ctx.params.id, dataOf(ctx));
      ctx.status = 201;
      ctx.body = { data: { reported: true } };
    },

    async reply(ctx: Context) {
      const author = await signedInAuthor(strapi, ctx);
      ctx.status = 201;
      ctx.body = { data: await replyToReview(strapi, author, ctx.params.id, dataOf(ctx)) };
    },

    /** One file of the author's own review, whatever its status. */
    async attachment(ctx: Context) {
      const author = await signedInAuthor(strapi, ctx);
      const reviewId = await ownReviewId(strapi, author, ctx.params.id);
      await sendAttachment(strapi, ctx, reviewId, Number(ctx.params.fileId));
    },
  };
});
