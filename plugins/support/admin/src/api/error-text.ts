import { isFetchError } from '@strapi/strapi/admin';

import { SupportApiError } from './support-api';

/** What the agent reads when a call fails: the server's own message when it gave one. */
export const errorText = (error: unknown) => {
  if (error instanceof SupportApiError) return error.message;
  if (isFetchError(error)) return error.response?.data.error.message ?? error.message;
  return 'Не удалось выполнить запрос';
};
