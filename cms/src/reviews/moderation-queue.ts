import type { Core } from '@strapi/strapi';

import { REPLY, REPORT, REVIEW } from '../content-types/uids';
import { historyOf } from './audit';
import { targetFromKey } from './target';

export const QUEUE_PAGE = 50;

// Rows of the query engine, read field by field below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;

const AUTHOR = { select: ['id', 'email', 'fullName'] };

/** How a moderator sees an attachment: previewed as an image, a video, or shown as text. */
const attachmentView = (file: Row) => ({
  id: file.id,
  name: file.name,
  mime: file.mime,
  size: file.size,
  preview: file.mime.startsWith('image/')
    ? 'image'
    : file.mime.startsWith('video/')
      ? 'video'
      : 'text',
});

/** Per author: how many of their reviews are in each status (what moderators weigh them by). */
const historyOfAuthors = async (strapi: Core.Strapi, authorIds: number[]) => {
  const history = new Map<number, Record<string, number>>();
  if (authorIds.length === 0) return history;
  const rows: Row[] = await strapi.db.query(REVIEW).findMany({
    where: { author: { id: { $in: authorIds } } },
    select: ['moderationStatus'],
    populate: { author: { select: ['id'] } },
  });
  for (const row of rows) {
    const counts = history.get(row.author.id) ?? {
      pending: 0,
      approved: 0,
      rejected: 0,
      hidden: 0,
    };
    counts[row.moderationStatus] += 1;
    history.set(row.author.id, counts);
  }
  return history;
};

const targetView = (review: Row) => {
  const target = targetFromKey(review.targetKey);
  const name =
    target.type === 'clinic'
      ? review.clinic?.name
      : target.type === 'doctor'
        ? review.doctor?.fullName
        : 'VixenHealth';
  return { ...target, name: name ?? null };
};

const viewsWith = (history: Map<number, Record<string, number>>) => {
  const authorView = (author: Row | null) =>
    author && {
      id: author.id,
      name: author.fullName ?? null,
      email: author.email,
      history: history.get(author.id) ?? { pending: 0, approved: 0, rejected: 0, hidden: 0 },
    };
  const reviewView = (review: Row) => ({
    documentId: review.documentId,
    createdAt: review.createdAt,
    moderationStatus: review.moderationStatus,
    visibility: review.visibility,
    target: targetView(review),
    rating: review.rating,
    criteria: {
      attentiveness: review.attentiveness,
      explanations: review.explanations,
      waitingTime: review.waitingTime,
      cleanliness: review.cleanliness,
    },
    title: review.title,
    text: review.text,
    visitMonth: review.visitMonth,
    // In the order they were stored (the join returns no order). The multipart parser hands files
    // over as each finishes writing, so this need not be the order the author picked them in.
    attachments: [...(review.attachments ?? [])]
      .sort((a: Row, b: Row) => a.id - b.id)
      .map(attachmentView),
    author: authorView(review.author),
  });

  return { authorView, reviewView };
};

/**
 * What moderators have to decide, oldest first: pending reviews, pending clinic replies, and
 * approved reviews that people reported. Each comes with what the decision needs: the text, the
 * attachments, the target, the author and their history, the reports.
 */
const POPULATE_REVIEW = {
  attachments: true,
  author: AUTHOR,
  clinic: { select: ['documentId', 'name'] },
  doctor: { select: ['documentId', 'fullName'] },
};

export const moderationQueue = async (strapi: Core.Strapi) => {
  const populateReview = POPULATE_REVIEW;
  const [pending, replies, reports] = await Promise.all([
    strapi.db.query(REVIEW).findMany({
      where: { moderationStatus: 'pending' },
      orderBy: { createdAt: 'asc' },
      limit: QUEUE_PAGE,
      populate: populateReview,
    }),
    strapi.db.query(REPLY).findMany({
      where: { moderationStatus: 'pending' },
      orderBy: { createdAt: 'asc' },
      limit: QUEUE_PAGE,
      populate: { author: AUTHOR },
    }),
    strapi.db.query(REPORT).findMany({
      where: { review: { moderationStatus: 'approved' } },
      orderBy: { createdAt: 'asc' },
      populate: { review: { populate: populateReview } },
    }),
  ]);

  const reported = new Map<number, { review: Row; reports: Row[] }>();
  for (const report of reports as Row[]) {
    const entry = reported.get(report.review.id) ?? { review: report.review, reports: [] as Row[] };
    entry.reports.push({ reason: report.reason, createdAt: report.createdAt });
    reported.set(report.review.id, entry);
  }
  // The reviews the pending replies answer, in one query.
  const answeredReviews: Row[] = await strapi.db.query(REVIEW).findMany({
    where: { reply: { id: { $in: (replies as Row[]).map((reply) => reply.id) } } },
    populate: {
      reply: { select: ['id'] },
      clinic: { select: ['name'] },
      doctor: { select: ['fullName'] },
    },
  });
  const answered = new Map(answeredReviews.map((review) => [review.reply.id as number, review]));

  const reviewsShown = [
    ...(pending as Row[]),
    ...[...reported.values()].map((entry) => entry.review),
  ];
  const history = await historyOfAuthors(strapi, [
    ...new Set(
      [...reviewsShown, ...(replies as Row[])].map((row) => row.author?.id).filter(Boolean)
    ),
  ]);
  const { authorView, reviewView } = viewsWith(history);

  const items = [
    ...(pending as Row[]).map((review) => ({
      kind: 'review' as const,
      ...reviewView(review),
      reports: [],
    })),
    ...[...reported.values()].map(({ review, reports: list }) => ({
      kind: 'reported' as const,
      ...reviewView(review),
      reports: list,
    })),
    ...(replies as Row[])
      .filter((reply) => answered.has(reply.id))
      .map((reply) => {
        const review = answered.get(reply.id)!;
        return {
          kind: 'reply' as const,
          documentId: reply.documentId,
          createdAt: reply.createdAt,
          moderationStatus: reply.moderationStatus,
          text: reply.text,
          clinicName: reply.clinicName,
          review: {
            documentId: review.documentId,
            title: review.title,
            text: review.text,
            target: targetView(review),
          },
          author: authorView(reply.author),
        };
      }),
  ].sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime());
  return { items };
};

/** One review, whatever its status, with its reply and its whole moderation history. */
export const reviewForModeration = async (strapi: Core.Strapi, documentId: string) => {
  const review: Row | null = await strapi.db.query(REVIEW).findOne({
    where: { documentId },
    populate: { ...POPULATE_REVIEW, reply: true },
  });
  if (!review) return null;
  const history = await historyOfAuthors(strapi, review.author ? [review.author.id] : []);
  return {
    ...viewsWith(history).reviewView(review),
    rejectionReason: review.rejectionReason ?? null,
    reply: review.reply && {
      documentId: review.reply.documentId,
      text: review.reply.text,
      moderationStatus: review.reply.moderationStatus,
    },
    history: await historyOf(strapi, 'review', documentId),
  };
};

/** A review's row id, by its document id, whatever its status; null when there is none. */
export const reviewRowId = async (strapi: Core.Strapi, documentId: string) => {
  const review = await strapi.db.query(REVIEW).findOne({ where: { documentId }, select: ['id'] });
  return (review?.id as number | undefined) ?? null;
};
