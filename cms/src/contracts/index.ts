/**
 * `@vixenhealth/cms/contracts`: what the CMS's own endpoints take and answer, the rules by which
 * they refuse, and their limits. Plain types and constants with no Strapi import, so the admin
 * pages and the portal (bundled by Vite) use the same definitions as the controllers.
 */
export * from './cabinet';
export * from './deploys';
export * from './domains';
export * from './limits';
export * from './moderation';
export * from './reviews';
export * from './rule-codes';
