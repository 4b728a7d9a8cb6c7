import { randomBytes } from 'node:crypto';

const secret = () => randomBytes(24).toString('base64');

/**
 * Settings for a CMS started by a test or a benchmark: fresh secrets, no developer `.env`, no
 * telemetry. Callers add the database and whatever else differs.
 * @param {{ adminEmail: string, adminPassword: string, demoUserPassword: string }} accounts
 * @returns {Record<string, string>}
 */
export const isolatedCmsEnv = ({ adminEmail, adminPassword, demoUserPassword }) => ({
  // Keep a developer's .env out: Strapi would read it for anything not set here.
  ENV_PATH: '/dev/null',
  APP_KEYS: [secret(), secret()].join(','),
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
  ID_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  TELEPHONY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  ID_COOKIE_KEYS: [secret(), secret()].join(','),
  ID_DEMO_CLIENT_SECRET: secret(),
  ADMIN_EMAIL: adminEmail,
  ADMIN_PASSWORD: adminPassword,
  DEMO_USER_PASSWORD: demoUserPassword,
  SITES_BASE_DOMAIN: 'localhost',
  STRAPI_TELEMETRY_DISABLED: 'true',
  // A developer's Redis would be shared with every other test; a test that wants it says so.
  REDIS_URL: '',
});
