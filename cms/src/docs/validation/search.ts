import { yup } from '@strapi/utils';

import { validateInput } from '../../routes/validate-input';
import { DOC_LIMITS } from '../contracts';

const { min, max } = DOC_LIMITS.searchQuery;

const searchSchema = yup.object({
  q: yup
    .string()
    .trim()
    .required('is required')
    .min(min, `must be ${min} to ${max} characters`)
    .max(max, `must be ${min} to ${max} characters`),
});

/** `GET /api/docs/search?q=`: the query, trimmed; a 400 naming `q` otherwise. */
export const validateSearchDocsInput = (query: unknown) =>
  validateInput(searchSchema)(query).q as string;
