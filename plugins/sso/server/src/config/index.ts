import {
  directorySyncConfig,
  validateDirectorySyncConfig,
  type DirectorySyncConfig,
} from '../directory-sync/config';
import { trustedProxies } from '../utils/client-address';

/** VixenHealth ID settings, given in `cms/config/plugins.ts` from the environment. */
export interface SsoConfig {
  /** The issuer, e.g. `http://localhost:1337/id`; its path is where ID is served. */
  issuer: string;
  /** The `aud` of access tokens for the platform's APIs. */
  apiAudience: string;
  /** 32 random bytes, base64: encrypts private signing keys and client secrets at rest. */
  keyEncryptionKey: string;
  /** Keys that sign ID's cookies; the first signs, all verify. */
  cookieKeys: string[];
  /** Default access token lifetime; a client may set its own. */
  accessTokenTtlSeconds: number;
  /**
   * How often each CMS node reads the access tokens revoked on other nodes: the longest a
   * revoked token still works at a node that did not revoke it.
   */
  revocationPollMs: number;
  /** Signing keys are replaced after this many days. */
  keyRotationDays: number;
  /** Trust X-Forwarded-* headers (behind a reverse proxy). */
  proxy: boolean;
  /**
   * Addresses or CIDR ranges of the reverse proxies in front of ID: only from them is
   * `X-Forwarded-For` believed when telling where a sign-in attempt comes from.
   */
  trustedProxies: string[];
  /** The company LDAP directory the staff directory follows (`ID_LDAP_*`); off without a URL. */
  directorySync?: Partial<DirectorySyncConfig>;
  /**
   * Who may still sign in to the admin panel with a password (`POST /admin/login`): only the
   * first super admin (the break-glass account), everyone, or no one. Staff use ID instead.
   */
  adminPasswordSignIn: AdminPasswordSignIn;
  /** Staff signing in to the admin panel through ID must have used a second factor. */
  adminRequireSecondFactor: boolean;
  /**
   * The WebAuthn relying party id passkeys are bound to (`ID_WEBAUTHN_RP_ID`); empty means the
   * issuer's hostname. A parent domain (`vixenhealth.ru` for `id.vixenhealth.ru`) keeps passkeys
   * valid if ID moves to another subdomain.
   */
  webauthnRpId: string;
  /** How long an impersonation lasts (minutes, 1–60): its session and tokens end then. */
  impersonationMinutes: number;
  /** Where a started impersonation sends the browser: the portal's sign-in, back to the cabinet. */
  impersonationLandingUrl: string;
  /** Demo service client registered by the seed (development only). */
  demoClient?: { clientId: string; clientSecret: string };
}

export type AdminPasswordSignIn = 'first-admin' | 'on' | 'off';
const ADMIN_PASSWORD_SIGN_IN: AdminPasswordSignIn[] = ['first-admin', 'on', 'off'];
/** WebAuthn allows the origin's host or a registrable parent of it as the RP ID. */
const isRpIdOf = (rpId: string, hostname: string) =>
  hostname === rpId || hostname.endsWith(`.${rpId}`);

const isBase64Key = (value: string) => Buffer.from(value, 'base64').length === 32;

export default {
  default: {
    issuer: 'http://localhost:1337/id',
    apiAudience: 'https://api.vixenhealth.ru',
    keyEncryptionKey: '',
    cookieKeys: [],
    accessTokenTtlSeconds: 600,
    revocationPollMs: 5000,
    keyRotationDays: 90,
    proxy: false,
    trustedProxies: [],
    adminPasswordSignIn: 'first-admin',
    adminRequireSecondFactor: true,
    webauthnRpId: '',
    impersonationMinutes: 15,
    impersonationLandingUrl: 'http://localhost:4321/auth/sign-in?returnTo=%2Fcabinet',
  } satisfies Partial<SsoConfig>,

  validator(config: SsoConfig) {
    let issuer: URL;
    try {
      issuer = new URL(config.issuer);
    } catch {
      throw new TypeError(`sso: issuer must be an absolute URL, got "${config.issuer}"`);
    }
    if (issuer.search || issuer.hash) throw new TypeError('sso: issuer must not have a query');
    if (!isBase64Key(config.keyEncryptionKey)) {
      throw new TypeError('sso: keyEncryptionKey (ID_KEY_ENCRYPTION_KEY) must be 32 bytes, base64');
    }
    if (!Array.isArray(config.cookieKeys) || config.cookieKeys.length === 0) {
      throw new TypeError('sso: cookieKeys (ID_COOKIE_KEYS) must list at least one key');
    }
    trustedProxies(config.trustedProxies);
    if (!ADMIN_PASSWORD_SIGN_IN.includes(config.adminPasswordSignIn)) {
      throw new TypeError(
        `sso: adminPasswordSignIn (ADMIN_PASSWORD_SIGN_IN) must be one of ${ADMIN_PASSWORD_SIGN_IN.join(', ')}`
      );
    }
    if (config.webauthnRpId && !isRpIdOf(config.webauthnRpId, issuer.hostname)) {
      throw new TypeError(
        `sso: webauthnRpId (ID_WEBAUTHN_RP_ID) must be the issuer's hostname or a parent domain of it, got "${config.webauthnRpId}"`
      );
    }
    if (!(config.accessTokenTtlSeconds >= 60 && config.accessTokenTtlSeconds <= 3600)) {
      throw new TypeError('sso: accessTokenTtlSeconds must be between 60 and 3600');
    }
    if (!(config.revocationPollMs >= 100 && config.revocationPollMs <= 60_000)) {
      throw new TypeError('sso: revocationPollMs (ID_REVOCATION_POLL_MS) must be 100–60000');
    }
    validateDirectorySyncConfig(directorySyncConfig(config.directorySync));
    if (!(config.impersonationMinutes >= 1 && config.impersonationMinutes <= 60)) {
      throw new TypeError('sso: impersonationMinutes (ID_IMPERSONATION_MINUTES) must be 1–60');
    }
    try {
      new URL(config.impersonationLandingUrl);
    } catch {
      throw new TypeError('sso: impersonationLandingUrl must be an absolute URL');
    }
  },
};
