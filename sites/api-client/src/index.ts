/**
 * The CMS's content API for the sites and any Node service: generated types and a typed reader.
 *
 * @packageDocumentation
 */
export type { components, paths } from './schema';
export { CmsApiError, createCmsClient } from './client';
export type {
  CmsClient,
  CmsClientOptions,
  DeletablePath,
  PathParams,
  ReadablePath,
  ReadOptions,
  ReadResult,
  ReplaceablePath,
  WritablePath,
  WriteOptions,
} from './client';
export { cmsBaseUrl, cmsFromEnv, cmsPublicUrl, cmsTimeout } from './env';
export { readApprovedReviews } from './reviews';
export type { PublicReview, ReviewTarget } from './reviews';
export { toQueryString } from './query-string';
export type { QueryObject, QueryValue } from './query-string';
