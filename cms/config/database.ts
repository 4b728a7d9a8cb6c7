import path from 'path';
import type { Core } from '@strapi/strapi';

import { setUpSqliteConnection } from '../database/sqlite-connection';

/** The CMS workspace folder (config is compiled to `dist/config`). */
const cmsDir = path.resolve(__dirname, '..', '..');

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const url = env('DATABASE_URL', '');
  const client = env('DATABASE_CLIENT', url ? 'postgres' : 'sqlite');
  const pool = { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) };
  const acquireConnectionTimeout = env.int('DATABASE_CONNECTION_TIMEOUT', 60000);

  if (client === 'postgres') {
    if (!url) throw new TypeError('DATABASE_URL is required when DATABASE_CLIENT is "postgres".');
    const { hostname, port, pathname, username, password } = new URL(url);
    return {
      connection: {
        client: 'postgres',
        connection: {
          host: hostname,
          port: Number(port || 5432),
          database: decodeURIComponent(pathname.slice(1)),
          user: decodeURIComponent(username),
          password: decodeURIComponent(password),
          ssl: env.bool('DATABASE_SSL', false) && {
            rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
          },
          schema: env('DATABASE_SCHEMA', 'public'),
        },
        pool,
        acquireConnectionTimeout,
      },
    };
  }

  if (client === 'sqlite') {
    return {
      connection: {
        client: 'sqlite',
        // path.resolve keeps an absolute DATABASE_FILENAME as it is.
        connection: { filename: path.resolve(cmsDir, env('DATABASE_FILENAME', '.tmp/data.db')) },
        useNullAsDefault: true,
        pool: { afterCreate: setUpSqliteConnection },
        acquireConnectionTimeout,
      },
    };
  }

  throw new TypeError(`Unsupported DATABASE_CLIENT "${client}": use "sqlite" or "postgres".`);
};

export default config;
