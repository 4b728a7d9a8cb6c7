import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  // Anonymous public reads answered from the cache (cms/src/public-cache) skip everything below.
  'global::public-cache',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  {
    name: 'strapi::body',
    config: {
      jsonLimit: '1mb',
      formLimit: '1mb',
      textLimit: '1mb',
      // The exact bytes of JSON and form bodies, for webhooks whose signature is over them.
      includeUnparsed: true,
      formidable: { maxFileSize: 20 * 1024 * 1024 },
    },
  },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
