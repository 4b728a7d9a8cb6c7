import { yup } from '@strapi/utils';

import { SUPPORT_LIMITS } from '../../../shared/contracts';
import { validateInput } from './validate-input';

const { subject, body } = SUPPORT_LIMITS;

const text = (min: number, max: number, what: string) =>
  yup
    .string()
    .trim()
    .required(`${what} is required`)
    .min(min, `${what} must be at least ${min} characters`)
    .max(max, `${what} must be at most ${max} characters`);

/** A request to Support from a signed-in person (the form's fields). */
export const validateNewRequest = validateInput(
  yup.object({
    subject: text(subject.min, subject.max, 'subject'),
    body: text(body.min, body.max, 'body'),
    clinic: yup
      .string()
      .trim()
      .max(64)
      .matches(/^[a-z0-9]+$/i, 'clinic must be a clinic id')
      .optional(),
  }),
  'a support request'
);

/** A message added to one's own request. */
export const validateRequesterReply = validateInput(
  yup.object({ body: text(body.min, body.max, 'body') }),
  'a reply'
);
