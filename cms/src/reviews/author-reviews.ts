import type { Core } from '@strapi/strapi';

import { REPLY, REPORT, REVIEW, USER } from '../content-types/uids';
import type { PrivacyAdvice, ReviewContent } from '../contracts';
import { alreadyDone, notAllowed, notFound, signInRequired } from '../errors';
import { checkFiles, type CheckedFile } from './attachment-kinds';
import { removeFiles, storeFiles } from './attachment-store';
import { audit } from './audit';
import { publicAuthorName } from './author-name';
import type { IncomingFile } from './incoming-files';
import { privacyAdvice } from './privacy-advice';
import { deleteReview } from './review-deletion';
import { checkSubmissionLimits } from './submission-limits';
import {
  clinicsAnsweringFor,
  clinicsRunBy,
  resolveTarget,
  targetFromKey,
  targetKey,
} from './target';
import {
  validateCreateReviewInput,
  validateReason,
  validateReplyInput,
  validateUpdateReviewInput,
} from './validation/review';

/** The signed-in person acting: their users-permissions user. */
export interface Author {
  id: number;
  fullName?: string | null;
}

/** A review as its author sees it: every status, the rejection reason, the files. */
const OWN_FIELDS = [
  'documentId',
  'targetType',
  'rating',
  'attentiveness',
  'explanations',
  'waitingTime',
  'cleanliness',
  'title',
  'text',
  'visitMonth',
  'visibility',
  'moderationStatus',
  'rejectionReason',
  'moderatedAt',
  'authorName',
  'createdAt',
  'updatedAt',
] as const;

const ownView = (entry: Record<string, unknown>) => ({
  ...(Object.fromEntries(OWN_FIELDS.map((field) => [field, entry[field] ?? null])) as Record<
    (typeof OWN_FIELDS)[number],
    unknown
  >),
  target: targetFromKey(String(entry.targetKey)),
  attachments: ((entry.attachments as Record<string, unknown>[] | null) ?? []).map((file) => ({
    id: file.id,
    name: file.name,
    mime: file.mime,
    size: file.size,
    url: file.url,
  })),
});

const contentOf = (entry: Record<string, unknown>): ReviewContent => ({
  rating: entry.rating as number,
  criteria: Object.fromEntries(
    (['attentiveness', 'explanations', 'waitingTime', 'cleanliness'] as const)
      .filter((criterion) => entry[criterion] !== null && entry[criterion] !== undefined)
      .map((criterion) => [criterion, entry[criterion] as number])
  ),
  title: entry.title as string,
  text: entry.text as string,
  visitMonth: (entry.visitMonth as string | null) ?? null,
  visibility: entry.visibility as ReviewContent['visibility'],
});

const contentData = (content: ReviewContent) => ({
  rating: content.rating,
  attentiveness: content.criteria.attentiveness ?? null,
  explanations: content.criteria.explanations ?? null,
  waitingTime: content.criteria.waitingTime ?? null,
  cleanliness: content.criteria.cleanliness ?? null,
  title: content.title,
  text: content.text,
  visitMonth: content.visitMonth,
  visibility: content.visibility,
});

const reviews = (strapi: Core.Strapi) => strapi.db.query(REVIEW);

/** The author's own review, or 404 (also for someone else's: no telling that it exists). */
const ownReview = async (strapi: Core.Strapi, author: Author, documentId: string) => {
  const entry = await reviews(strapi).findOne({
    where: { documentId, author: { id: author.id } },
    populate: { attachments: true },
  });
  if (!entry) throw notFound('Review');
  return entry;
};

/**
 * Writes a review: checks every field and file and the author's limits before anything is
 * stored, then stores the files and the review; if storing the review fails, the files go too.
 * Every new review waits for moderation.
 */
export const submitReview = async (
  strapi: Core.Strapi,
  author: Author,
  data: unknown,
  files: IncomingFile[],
  now = new Date()
): Promise<{ review: ReturnType<typeof ownView>; advice: PrivacyAdvice | null }> => {
  const submission = validateCreateReviewInput(data, now);
  const checked: CheckedFile[] = await checkFiles(files);
  const resolved = await resolveTarget(strapi, submission.target);
  await checkSubmissionLimits(strapi, author.id, submission, now);

  // Kept private until a moderator makes the review public (attachment-placement.ts).
  const stored = await storeFiles(strapi, checked, { private: true });
  try {
    const documentId = await strapi.db.transaction(async () => {
      const entry = await reviews(strapi).create({
        data: {
          ...contentData(submission),
          targetType: submission.target.type,
          targetKey: targetKey(submission.target),
          clinic: resolved.clinicId,
          doctor: resolved.doctorId,
          moderationStatus: 'pending',
          author: author.id,
          authorName: publicAuthorName(author.fullName),
          attachments: stored.map((file) => file.id),
        },
      });
      await audit(
        strapi,
        {
          subjectType: 'review',
          subjectId: entry.documentId,
          action: 'submitted',
          toStatus: 'pending',
          actor: { type: 'user', id: author.id },
        },
        now
      );
      return entry.documentId as string;
    });
    const advice = privacyAdvice({
      ...submission,
      hasLogs: checked.some((file) => file.kind === 'text' || file.kind === 'json'),
    });
    return { review: ownView(await ownReview(strapi, author, documentId)), advice };
  } catch (error) {
    await removeFiles(strapi, stored);
    throw error;
  }
};

/** The author's reviews, newest first, whatever their status. */
export const listOwnReviews = async (strapi: Core.Strapi, author: Author) => {
  const entries = await reviews(strapi).findMany({
    where: { author: { id: author.id } },
    orderBy: { createdAt: 'desc' },
    populate: { attachments: true },
  });
  return entries.map(ownView);
};

/** The database id of the author's own review (for its files); 404 otherwise. */
export const ownReviewId = async (strapi: Core.Strapi, author: Author, documentId: string) =>
  (await ownReview(strapi, author, documentId)).id as number;

export const readOwnReview = async (strapi: Core.Strapi, author: Author, documentId: string) =>
  ownView(await ownReview(strapi, author, documentId));

/** Changes a review while it waits for moderation; once decided, it is final. */
export const editOwnReview = async (
  strapi: Core.Strapi,
  author: Author,
  documentId: string,
  data: unknown,
  now = new Date()
) => {
  const entry = await ownReview(strapi, author, documentId);
  if (entry.moderationStatus !== 'pending') {
    throw notAllowed('pending-only', 'Only a review that is waiting for moderation can be changed');
  }
  const content = validateUpdateReviewInput(data, now, contentOf(entry));
  await strapi.db.transaction(async () => {
    await reviews(strapi).update({ where: { id: entry.id }, data: contentData(content) });
    await audit(
      strapi,
      {
        subjectType: 'review',
        subjectId: documentId,
        action: 'edited',
        fromStatus: 'pending',
        toStatus: 'pending',
        actor: { type: 'user', id: author.id },
      },
      now
    );
  });
  return readOwnReview(strapi, author, documentId);
};

/** Deletes the author's own review for real (see {@link deleteReview}). */
export const deleteOwnReview = async (strapi: Core.Strapi, author: Author, documentId: string) =>
  deleteReview(strapi, await ownReview(strapi, author, documentId), {
    type: 'user',
    id: author.id,
  });

/** An approved public review, for reporting and replying; 404 for anything else. */
const publicReview = async (strapi: Core.Strapi, documentId: string) => {
  const entry = await reviews(strapi).findOne({
    where: { documentId, moderationStatus: 'approved', visibility: 'public' },
    populate: { reply: true },
  });
  if (!entry) throw notFound('Review');
  return entry;
};

/** Reports abuse in a public review: once per person and review. */
export const reportReview = async (
  strapi: Core.Strapi,
  reporter: Author,
  documentId: string,
  body: unknown
) => {
  const reason = validateReason((body as Record<string, unknown> | null)?.reason, false);
  const entry = await publicReview(strapi, documentId);
  const reportKey = `${entry.id}:${reporter.id}`;
  const existing = await strapi.db.query(REPORT).findOne({ where: { reportKey } });
  if (existing) {
    throw alreadyDone('one-report', 'You have already reported this review');
  }
  await strapi.db.transaction(async () => {
    await strapi.db.query(REPORT).create({
      data: { reportKey, review: entry.id, reporter: reporter.id, reason },
    });
    await audit(strapi, {
      subjectType: 'review',
      subjectId: documentId,
      action: 'reported',
      actor: { type: 'user', id: reporter.id },
      reason,
    });
  });
};

/**
 * A clinic's one public reply to an approved review of the clinic or of one of its doctors, by
 * an owner or administrator of that clinic; moderated like reviews. A rejected reply may be
 * written again.
 */
export const replyToReview = async (
  strapi: Core.Strapi,
  author: Author,
  documentId: string,
  body: unknown
) => {
  const text = validateReplyInput(body);
  const entry = await publicReview(strapi, documentId);
  const clinics = await clinicsAnsweringFor(strapi, targetFromKey(entry.targetKey));
  const run = await clinicsRunBy(
    strapi,
    author.id,
    clinics.map((clinic) => clinic.documentId)
  );
  const ownClinics = clinics.filter((clinic) => run.has(clinic.documentId));
  if (ownClinics.length === 0) {
    throw notAllowed(
      'clinic-team-only',
      "Only the clinic's owners and administrators may reply to this review"
    );
  }
  if (entry.reply && entry.reply.moderationStatus !== 'rejected') {
    throw alreadyDone('one-reply', 'This review already has a reply');
  }
  return strapi.db.transaction(async () => {
    if (entry.reply) await strapi.db.query(REPLY).delete({ where: { id: entry.reply.id } });
    const reply = await strapi.db.query(REPLY).create({
      data: {
        text,
        clinicName: ownClinics[0].name,
        moderationStatus: 'pending',
        author: author.id,
      },
    });
    await reviews(strapi).update({ where: { id: entry.id }, data: { reply: reply.id } });
    await audit(strapi, {
      subjectType: 'reply',
      subjectId: reply.documentId,
      action: 'submitted',
      toStatus: 'pending',
      actor: { type: 'user', id: author.id },
    });
    return { documentId: reply.documentId as string, text, moderationStatus: 'pending' as const };
  });
};

/** Loads the signed-in user's name for the public author line. */
export const authorOf = async (strapi: Core.Strapi, userId: number): Promise<Author> => {
  const user = await strapi.db
    .query(USER)
    .findOne({ where: { id: userId }, select: ['id', 'fullName'] });
  if (!user) throw signInRequired('Sign in again');
  return user;
};
