import { randomBytes } from 'node:crypto';

const token = (bytes = 24) => randomBytes(bytes).toString('base64url');

/**
 * A password that meets the admin panel's rules (upper and lower case letters and a digit) and
 * the platform's (at least 10 characters, not a common one).
 * @returns {string}
 */
const password = () => `Vx-${token(12)}-7a`;

/**
 * How to make each secret `.env.example` leaves empty. Every secret the platform needs is here.
 * @type {Readonly<Record<string, () => string>>}
 */
export const SECRET_GENERATORS = {
  APP_KEYS: () => [token(), token(), token(), token()].join(','),
  API_TOKEN_SALT: () => token(),
  ADMIN_JWT_SECRET: () => token(32),
  TRANSFER_TOKEN_SALT: () => token(),
  JWT_SECRET: () => token(32),
  ENCRYPTION_KEY: () => token(32),
  ADMIN_PASSWORD: password,
  DEMO_USER_PASSWORD: password,
  POSTGRES_PASSWORD: () => token(18),
  ID_KEY_ENCRYPTION_KEY: () => randomBytes(32).toString('base64'),
  ID_COOKIE_KEYS: () => [token(32), token(32)].join(','),
  ID_DEMO_CLIENT_SECRET: () => token(32),
  SITES_WEBHOOK_TOKEN: () => token(32),
  DOCS_WEBHOOK_TOKEN: () => token(32),
  PORTAL_SESSION_SECRET: () => token(32),
  DOCS_SESSION_SECRET: () => token(32),
  METRICS_TOKEN: () => token(32),
  TELEPHONY_ENCRYPTION_KEY: () => randomBytes(32).toString('base64'),
  BACKUP_ENCRYPTION_KEY: () => randomBytes(32).toString('base64'),
  GRAFANA_ADMIN_PASSWORD: password,
};
