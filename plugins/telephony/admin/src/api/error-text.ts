import { isFetchError } from '@strapi/strapi/admin';

/** What the agent reads when a request fails: the server's own message when it gave one. */
export const errorText = (error: unknown, fallback: string) =>
  (isFetchError(error) ? error.response?.data.error.message : undefined) ?? fallback;
