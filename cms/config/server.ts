import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Strapi 5 hands `proxy.koa` to Koa (a bare boolean here is ignored). One hop: the address
  // our own proxy appended to X-Forwarded-For, never one a client wrote in front of it.
  proxy: { koa: env.bool('IS_PROXIED', false), maxIpsCount: 1 },
  app: {
    keys: env.array('APP_KEYS')!,
  },
  cron: {
    enabled: true,
  },
  logger: {
    updates: { enabled: false },
    startup: { enabled: env('NODE_ENV') !== 'test' },
  },
  webhooks: {
    populateRelations: false,
  },
});

export default config;
