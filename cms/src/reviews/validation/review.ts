import { yup } from '@strapi/utils';

import {
  CRITERIA,
  REVIEW_TEXT,
  type Criterion,
  type ReviewContent,
  type ReviewSubmission,
  type ReviewTarget,
  type Visibility,
} from '../../contracts';
import { fieldError } from '../../errors';
import { knownFieldsOnly, validateInput } from '../../routes/validate-input';
import { plainText } from '../plain-text';

/**
 * What people write about a review, one schema per action: a new review, an edit, a reason, a
 * reply. A field left out, null or empty is "not given". Text is checked as it will be stored
 * (`plainText`), and stored that way.
 */

type Body = Record<string, unknown>;

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/** `data` must be an object: the fields' own checks name them, this names `data`. */
const objectOf = (data: unknown, what: string): Body => {
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw fieldError('data', `data must be an object with ${what}`);
  }
  return data as Body;
};

const textField = (
  field: string,
  { min = 0, max }: { min?: number; max: number },
  required = true
) =>
  yup.mixed().test('text', function (value: unknown) {
    if (isBlank(value)) {
      return required ? this.createError({ message: `${field} is required` }) : true;
    }
    if (typeof value !== 'string') return this.createError({ message: `${field} must be text` });
    const { length } = plainText(value);
    if (length < min) {
      return this.createError({ message: `${field} must be at least ${min} characters` });
    }
    if (length > max) {
      return this.createError({ message: `${field} must be at most ${max} characters` });
    }
    return true;
  });

const scoreField = (field: string, required: boolean) =>
  yup.mixed().test('score', function (value: unknown) {
    if (value === undefined || value === null) {
      return required ? this.createError({ message: `${field} is required` }) : true;
    }
    return (
      (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5) ||
      this.createError({ message: `${field} must be a whole number from 1 to 5` })
    );
  });

/** A month of the last ten years, not in the future (`now` in the validation's context). */
const visitMonthField = yup.mixed().test('visit-month', function (value: unknown) {
  if (isBlank(value)) return true;
  const match = typeof value === 'string' ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value) : null;
  if (!match) return this.createError({ message: 'visitMonth must look like 2026-05' });
  const { now } = this.options.context as { now: Date };
  const month = Number(match[1]) * 12 + Number(match[2]) - 1;
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  if (month > current) return this.createError({ message: 'visitMonth cannot be in the future' });
  if (month < current - 12 * 10) {
    return this.createError({ message: 'visitMonth must be within the last ten years' });
  }
  return true;
});

const criteriaFields = Object.fromEntries(
  CRITERIA.map((criterion) => [criterion, scoreField(criterion, false)])
) as Record<Criterion, yup.AnySchema>;

const contentFields = {
  rating: scoreField('rating', true),
  ...criteriaFields,
  title: textField('title', REVIEW_TEXT.title),
  text: textField('text', REVIEW_TEXT.text),
  visitMonth: visitMonthField,
  visibility: yup
    .mixed()
    .test(
      'visibility',
      'visibility must be public or private',
      (value) => value === undefined || value === null || value === 'public' || value === 'private'
    ),
};

const isTargetType = (value: unknown) =>
  value === 'clinic' || value === 'doctor' || value === 'platform';

/** The target's document id when `targetType` names its kind; no other kind's. */
const targetIdField = (kind: 'clinic' | 'doctor') =>
  yup.mixed().test('target-id', function (value: unknown) {
    const { targetType } = this.parent as Body;
    if (!isTargetType(targetType)) return true;
    if (targetType !== kind) {
      return (
        value === undefined ||
        value === null ||
        this.createError({ message: `A review of a ${targetType} names no ${kind}` })
      );
    }
    return (
      (typeof value === 'string' && /^[a-z0-9]{1,64}$/.test(value)) ||
      this.createError({ message: `${kind} must be the document id of a ${kind}` })
    );
  });

const submissionSchema = knownFieldsOnly(
  yup.object({
    targetType: yup
      .mixed()
      .test('target-type', 'targetType must be clinic, doctor or platform', isTargetType),
    clinic: targetIdField('clinic'),
    doctor: targetIdField('doctor'),
    ...contentFields,
  }),
  'a review'
);

const editSchema = knownFieldsOnly(yup.object(contentFields), 'a review');

const replySchema = knownFieldsOnly(
  yup.object({ text: textField('text', REVIEW_TEXT.reply) }),
  'a reply'
);

/** The content as stored: text normalised, criteria left out when not given. */
const contentOf = (data: Body): ReviewContent => {
  const criteria: Partial<Record<Criterion, number>> = {};
  for (const criterion of CRITERIA) {
    if (typeof data[criterion] === 'number') criteria[criterion] = data[criterion] as number;
  }
  return {
    rating: data.rating as number,
    criteria,
    title: plainText(data.title as string),
    text: plainText(data.text as string),
    visitMonth: isBlank(data.visitMonth) ? null : (data.visitMonth as string),
    visibility: (data.visibility ?? 'public') as Visibility,
  };
};

/** A new review's fields (`data` of `POST /api/reviews`), checked. */
export const validateCreateReviewInput = (data: unknown, now: Date): ReviewSubmission => {
  const body: Body = validateInput(submissionSchema)(objectOf(data, 'the review'), { now });
  const targetType = body.targetType as ReviewSubmission['target']['type'];
  return {
    target:
      targetType === 'platform'
        ? { type: 'platform' }
        : { type: targetType, documentId: body[targetType] as string },
    ...contentOf(body),
  };
};

/** An edit of a pending review (`PUT /api/reviews/:id`): content fields only, over `current`. */
export const validateUpdateReviewInput = (
  data: unknown,
  now: Date,
  current: ReviewContent
): ReviewContent => {
  const merged = {
    rating: current.rating,
    ...current.criteria,
    title: current.title,
    text: current.text,
    visitMonth: current.visitMonth,
    visibility: current.visibility,
    ...objectOf(data, 'the changes'),
  };
  return contentOf(validateInput(editSchema)(merged, { now }));
};

/** A moderator's or reporter's reason: optional unless `required`; null when not given. */
export const validateReason = (value: unknown, required: boolean): string | null => {
  const reasonSchema = yup.object({
    reason: textField('reason', { min: required ? 3 : 0, max: REVIEW_TEXT.reason.max }, required),
  });
  validateInput(reasonSchema)({ reason: value });
  return isBlank(value) ? null : plainText(value as string);
};

/** A clinic's reply (`POST /api/reviews/:id/reply`): its text, as stored. */
export const validateReplyInput = (data: unknown): string => {
  const body: Body = validateInput(replySchema)(data && typeof data === 'object' ? data : {});
  return plainText(body.text as string);
};

const summaryQuerySchema = yup.object({
  targetType: yup
    .mixed()
    .test('target-type', 'targetType must be clinic, doctor or platform', isTargetType),
  ...Object.fromEntries(
    (['clinic', 'doctor'] as const).map((kind) => [
      kind,
      yup.mixed().test('target-id', `${kind} must be a document id`, function (value: unknown) {
        return (
          (this.parent as Body).targetType !== kind || (typeof value === 'string' && value !== '')
        );
      }),
    ])
  ),
});

/** What `GET /api/reviews/summary` is about: `?targetType=clinic&clinic=<documentId>`. */
export const validateSummaryQuery = (query: unknown): ReviewTarget => {
  const { targetType, ...ids } = validateInput(summaryQuerySchema)(query) as Body;
  return targetType === 'platform'
    ? { type: 'platform' }
    : { type: targetType as 'clinic' | 'doctor', documentId: ids[targetType as string] as string };
};
