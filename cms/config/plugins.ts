import path from 'node:path';

import type { Core } from '@strapi/strapi';

/** Uploads the platform accepts: photos and documents; never SVG (scriptable) or executables. */
const allowedTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'video/mp4',
  'application/pdf',
  // Log files attached to reviews, checked by content first (cms/src/reviews/attachment-kinds.ts).
  'text/plain',
  'application/json',
];

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  sso: {
    enabled: true,
    resolve: '../plugins/sso',
    config: {
      issuer: env('ID_ISSUER', 'http://localhost:1337/id'),
      apiAudience: env('ID_API_AUDIENCE', 'https://api.vixenhealth.ru'),
      keyEncryptionKey: env('ID_KEY_ENCRYPTION_KEY', ''),
      cookieKeys: env.array('ID_COOKIE_KEYS', []),
      accessTokenTtlSeconds: env.int('ID_ACCESS_TOKEN_TTL', 600),
      revocationPollMs: env.int('ID_REVOCATION_POLL_MS', 5000),
      keyRotationDays: env.int('ID_KEY_ROTATION_DAYS', 90),
      proxy: env.bool('IS_PROXIED', false),
      trustedProxies: env.array('ID_TRUSTED_PROXIES', []),
      directorySync: {
        url: env('ID_LDAP_URL', ''),
        bindDn: env('ID_LDAP_BIND_DN', ''),
        bindPassword: env('ID_LDAP_BIND_PASSWORD', ''),
        usersBase: env('ID_LDAP_USERS_BASE', ''),
        userFilter: env('ID_LDAP_USER_FILTER', ''),
        groupsBase: env('ID_LDAP_GROUPS_BASE', ''),
        groupFilter: env('ID_LDAP_GROUP_FILTER', ''),
        departmentFrom: env('ID_LDAP_DEPARTMENT_FROM', ''),
        attributes: {
          mail: env('ID_LDAP_ATTR_MAIL', ''),
          givenName: env('ID_LDAP_ATTR_GIVEN_NAME', ''),
          surname: env('ID_LDAP_ATTR_SURNAME', ''),
          title: env('ID_LDAP_ATTR_TITLE', ''),
          externalId: env('ID_LDAP_ATTR_EXTERNAL_ID', ''),
        },
        disabledFilter: env('ID_LDAP_DISABLED_FILTER', '(pwdAccountLockedTime=*)'),
        schedule: env('ID_LDAP_SYNC_CRON', ''),
        timeoutMs: env.int('ID_LDAP_TIMEOUT_MS', 10_000),
      },
      adminPasswordSignIn: env('ADMIN_PASSWORD_SIGN_IN', 'first-admin'),
      adminRequireSecondFactor: env.bool('ID_ADMIN_REQUIRE_SECOND_FACTOR', true),
      webauthnRpId: env('ID_WEBAUTHN_RP_ID', ''),
      impersonationMinutes: env.int('ID_IMPERSONATION_MINUTES', 15),
      // A started impersonation lands in the portal's cabinet, through its ordinary sign-in.
      impersonationLandingUrl: `${env('PORTAL_URL', 'http://localhost:4321').replace(/\/$/, '')}/auth/sign-in?returnTo=%2Fcabinet`,
    },
  },
  support: {
    enabled: true,
    resolve: '../plugins/support',
    config: {
      privateUploadPath: 'private',
      // The folder the CMS's private upload provider writes to (cms/src/reviews/upload-locations.ts).
      privateUploadsDir: path.resolve(
        __dirname,
        '..',
        '..',
        env('PRIVATE_UPLOADS_DIR', '') || 'private-uploads'
      ),
      mailDomain: env('SUPPORT_MAIL_DOMAIN', 'support.vixenhealth.local'),
      mailFrom: env('SUPPORT_MAIL_FROM', 'VixenHealth Support <support@vixenhealth.local>'),
      workIntervalMs: env.int('SUPPORT_WORK_INTERVAL_MS', 15_000),
      redisUrl: env('REDIS_URL', ''),
      redisPrefix: env('REDIS_PREFIX', 'vh:'),
    },
  },
  telephony: {
    enabled: true,
    resolve: '../plugins/telephony',
    config: {
      encryptionKey: env('TELEPHONY_ENCRYPTION_KEY', ''),
      defaultCountry: env('TELEPHONY_DEFAULT_COUNTRY', 'RU'),
      recordingRetentionDays: env.int('TELEPHONY_RECORDING_RETENTION_DAYS', 90),
      mangoApiUrl: env('TELEPHONY_MANGO_API_URL', 'https://app.mango-office.ru/vpbx'),
      zadarmaApiUrl: env('TELEPHONY_ZADARMA_API_URL', 'https://api.zadarma.com'),
      zadarmaTimeZone: env('TELEPHONY_ZADARMA_TIME_ZONE', 'Europe/Moscow'),
    },
  },
  metrics: {
    enabled: true,
    resolve: '../plugins/metrics',
    config: {
      timeZone: env('METRICS_TIME_ZONE', 'Europe/Moscow'),
      flushIntervalMs: env.int('METRICS_FLUSH_INTERVAL_MS', 1000),
      rollupIntervalMs: env.int('METRICS_ROLLUP_INTERVAL_MS', 60_000),
      rawRetentionHours: env.int('METRICS_RAW_RETENTION_HOURS', 48),
      retentionDays: env.int('METRICS_RETENTION_DAYS', 365),
      ipEventsPerMinute: env.int('METRICS_IP_EVENTS_PER_MINUTE', 120),
      siteEventsPerSecond: env.int('METRICS_SITE_EVENTS_PER_SECOND', 500),
      systemToken: env('METRICS_TOKEN', ''),
      redisUrl: env('REDIS_URL', ''),
      redisPrefix: env('REDIS_PREFIX', 'vh:'),
    },
  },
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwtManagement: 'refresh',
      sessions: { httpOnly: true },
    },
  },
  upload: {
    config: {
      sizeLimit: 20 * 1024 * 1024,
      security: { allowedTypes },
    },
  },
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', '127.0.0.1'),
        port: env.int('SMTP_PORT', 1025),
        secure: env.bool('SMTP_SECURE', false),
        ...(env('SMTP_USERNAME', '')
          ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } }
          : {}),
      },
      settings: {
        defaultFrom: env('EMAIL_FROM', 'VixenHealth <no-reply@vixenhealth.local>'),
        defaultReplyTo: env('EMAIL_REPLY_TO', 'support@vixenhealth.local'),
      },
    },
  },
});

export default config;
