/**
 * `@vixenhealth/cms/docs`: who may read a doc page (`mayRead`), and what the docs API answers.
 * No Strapi import: the docs site uses the same rule and types as the CMS.
 */
export { mayRead } from './audience';
export * from './contracts';
