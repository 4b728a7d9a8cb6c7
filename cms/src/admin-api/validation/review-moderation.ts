import { yup } from '@strapi/utils';

import { MODERATION_LIMITS } from '../../contracts';
import { knownFieldsOnly, validateInput } from '../../routes/validate-input';

const { bulk } = MODERATION_LIMITS;

/** `POST /review-moderation/decisions` (`DecisionsRequest`); the reason is checked by the decision. */
export const validateDecisionsInput = validateInput(
  knownFieldsOnly(
    yup.object({
      decision: yup
        .mixed<'approve' | 'reject' | 'hide'>()
        .oneOf(['approve', 'reject', 'hide'], 'decision must be approve, reject or hide')
        .required('decision must be approve, reject or hide'),
      subjectType: yup
        .mixed<'review' | 'reply'>()
        .oneOf(['review', 'reply'], 'subjectType must be review or reply')
        .default('review'),
      documentIds: yup
        .mixed<string[]>()
        .test(
          'document-ids',
          `documentIds must list 1 to ${bulk} ids`,
          (ids) =>
            Array.isArray(ids) &&
            ids.length >= 1 &&
            ids.length <= bulk &&
            ids.every((id) => typeof id === 'string')
        )
        .required(`documentIds must list 1 to ${bulk} ids`),
      reason: yup.mixed().nullable(),
    }),
    'a moderation decision'
  )
);
