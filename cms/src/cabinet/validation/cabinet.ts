import { yup } from '@strapi/utils';

import { knownFieldsOnly, validateInput } from '../../routes/validate-input';

/**
 * The cabinet's request bodies that are not a content type's fields (those are checked by
 * `editable-fields.ts` and the content rules), one schema per action.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const bodyOf = (input: unknown) => (input && typeof input === 'object' ? input : {});

const invitationSchema = knownFieldsOnly(
  yup.object({
    email: yup
      .mixed()
      .test(
        'email',
        'must be an email address',
        (value) =>
          typeof value === 'string' && EMAIL.test(value.trim()) && value.trim().length <= 254
      ),
  }),
  'an invitation'
);

/** `POST /cabinet/clinics/:clinic/invitations` `{ email }`: the address, trimmed, lower case. */
export const validateInviteInput = (input: unknown): string => {
  const { email } = validateInput(invitationSchema)(bodyOf(input)) as { email: string };
  return email.trim().toLowerCase();
};

const pageOrderSchema = knownFieldsOnly(
  yup.object({
    order: yup
      .mixed()
      .test(
        'order',
        "must list each of the clinic's pages once",
        (value) => Array.isArray(value) && value.every((id) => typeof id === 'string')
      ),
  }),
  'a page order'
);

/**
 * `PUT /cabinet/clinics/:clinic/page-order` `{ order }`: document ids; that they are the clinic's
 * pages, each once, is checked against its pages.
 */
export const validateReorderPagesInput = (input: unknown): string[] =>
  (validateInput(pageOrderSchema)(bodyOf(input)) as { order: string[] }).order;
