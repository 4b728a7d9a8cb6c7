import { CRITERIA } from './contracts';
import type { Criterion, ReviewContent, ReviewSubmission, ReviewTarget } from './contracts';
import { fieldError } from './review-error';

export const LIMITS = {
  title: { min: 3, max: 120 },
  text: { min: 20, max: 5000 },
  reason: { max: 1000 },
  reply: { min: 2, max: 3000 },
} as const;

type Body = Record<string, unknown>;

const CONTENT_FIELDS = ['rating', ...CRITERIA, 'title', 'text', 'visitMonth', 'visibility'];
const TARGET_FIELDS = ['targetType', 'clinic', 'doctor'];

/** Control characters other than tab and newline: never part of a review. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u2028\u2029\ufeff]/g;

/**
 * Plain text as it will be stored: Unicode-normalised, line endings unified, control characters
 * dropped, at most one empty line between paragraphs, no spaces at the ends. HTML is kept as
 * text: it is escaped wherever a review is shown.
 */
export const plainText = (value: string): string =>
  value
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

const readText = (
  body: Body,
  field: string,
  { min = 0, max }: { min?: number; max: number },
  required = true
): string | null => {
  const value = body[field];
  if (value === undefined || value === null || value === '') {
    if (required) throw fieldError(field, `${field} is required`);
    return null;
  }
  if (typeof value !== 'string') throw fieldError(field, `${field} must be text`, value);
  const text = plainText(value);
  if (text.length < min) throw fieldError(field, `${field} must be at least ${min} characters`);
  if (text.length > max) throw fieldError(field, `${field} must be at most ${max} characters`);
  return text;
};

const readScore = (body: Body, field: string, required: boolean): number | null => {
  const value = body[field];
  if (value === undefined || value === null) {
    if (required) throw fieldError(field, `${field} is required`);
    return null;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
    throw fieldError(field, `${field} must be a whole number from 1 to 5`, value);
  }
  return value;
};

const readVisitMonth = (body: Body, now: Date): string | null => {
  const value = body.visitMonth;
  if (value === undefined || value === null || value === '') return null;
  const match = typeof value === 'string' ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value) : null;
  if (!match) throw fieldError('visitMonth', 'visitMonth must look like 2026-05', value);
  const month = Number(match[1]) * 12 + Number(match[2]) - 1;
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  if (month > current) throw fieldError('visitMonth', 'visitMonth cannot be in the future', value);
  if (month < current - 12 * 10) {
    throw fieldError('visitMonth', 'visitMonth must be within the last ten years', value);
  }
  return value as string;
};

const rejectUnknown = (body: Body, allowed: string[]) => {
  const unknown = Object.keys(body).find((field) => !allowed.includes(field));
  if (unknown) throw fieldError(unknown, `${unknown} is not a field of a review`);
};

/** The fields an author writes, checked; `current` fills in what an edit leaves out. */
export const readReviewContent = (
  body: Body,
  now: Date,
  current?: ReviewContent
): ReviewContent => {
  const merged: Body = current
    ? {
        rating: current.rating,
        ...current.criteria,
        title: current.title,
        text: current.text,
        visitMonth: current.visitMonth,
        visibility: current.visibility,
        ...body,
      }
    : body;
  const visibility = merged.visibility ?? 'public';
  if (visibility !== 'public' && visibility !== 'private') {
    throw fieldError('visibility', 'visibility must be public or private', visibility);
  }
  const criteria: Partial<Record<Criterion, number>> = {};
  for (const criterion of CRITERIA) {
    const score = readScore(merged, criterion, false);
    if (score !== null) criteria[criterion] = score;
  }
  return {
    rating: readScore(merged, 'rating', true)!,
    criteria,
    title: readText(merged, 'title', LIMITS.title)!,
    text: readText(merged, 'text', LIMITS.text)!,
    visitMonth: readVisitMonth(merged, now),
    visibility,
  };
};

const readTarget = (body: Body): ReviewTarget => {
  const { targetType } = body;
  if (targetType !== 'clinic' && targetType !== 'doctor' && targetType !== 'platform') {
    throw fieldError('targetType', 'targetType must be clinic, doctor or platform', targetType);
  }
  for (const other of ['clinic', 'doctor'] as const) {
    if (other !== targetType && body[other] !== undefined && body[other] !== null) {
      throw fieldError(other, `A review of a ${targetType} names no ${other}`);
    }
  }
  if (targetType === 'platform') return { type: 'platform' };
  const documentId = body[targetType];
  if (typeof documentId !== 'string' || !/^[a-z0-9]{1,64}$/.test(documentId)) {
    throw fieldError(targetType, `${targetType} must be the document id of a ${targetType}`);
  }
  return { type: targetType, documentId };
};

/** A new review's fields (`data` of the request), checked. */
export const readSubmission = (body: unknown, now: Date): ReviewSubmission => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw fieldError('data', 'data must be an object with the review');
  }
  rejectUnknown(body as Body, [...TARGET_FIELDS, ...CONTENT_FIELDS]);
  return { target: readTarget(body as Body), ...readReviewContent(body as Body, now) };
};

/** An edit of a pending review: content fields only; the target stays. */
export const readEdit = (body: unknown, now: Date, current: ReviewContent): ReviewContent => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw fieldError('data', 'data must be an object with the changes');
  }
  rejectUnknown(body as Body, CONTENT_FIELDS);
  return readReviewContent(body as Body, now, current);
};

/** A moderator's or reporter's reason: optional unless `required`. */
export const readReason = (value: unknown, required: boolean): string | null =>
  readText(
    { reason: value },
    'reason',
    { min: required ? 3 : 0, max: LIMITS.reason.max },
    required
  );

/** A clinic's reply. */
export const readReplyText = (body: unknown): string => {
  const data = (body && typeof body === 'object' ? body : {}) as Body;
  rejectUnknown(data, ['text']);
  return readText(data, 'text', LIMITS.reply)!;
};
