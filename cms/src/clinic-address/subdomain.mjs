// The DNS-label rule is ASCII only: browsers send an internationalised name as punycode
// (`xn--…`), and a clinic's subdomain is chosen in Latin letters.
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Subdomains the platform keeps for its own services; a clinic can never take them.
 * @type {ReadonlySet<string>}
 */
export const RESERVED_SUBDOMAINS = new Set([
  'id',
  'sso',
  'auth',
  'login',
  'account',
  'docs',
  'support',
  'help',
  'reviews',
  'metrica',
  'metrics',
  'status',
  'www',
  'api',
  'cms',
  'admin',
  'portal',
  'app',
  'my',
  'cabinet',
  'mail',
  'smtp',
  'imap',
  'pop',
  'mx',
  'ftp',
  'ns1',
  'ns2',
  'cdn',
  'static',
  'assets',
  'media',
  'uploads',
  'dev',
  'staging',
  'test',
  'demo',
  'vixenhealth',
]);

/**
 * Whether `value` is one label of a host name: 1 to 63 lowercase Latin letters, digits or
 * hyphens, not starting or ending with a hyphen.
 *
 * @example
 * ```js
 * isDnsLabel('lisya-tropa'); // → true
 * isDnsLabel('-lisya'); // → false
 * ```
 * @param {string} value
 * @returns {boolean}
 */
export const isDnsLabel = (value) => DNS_LABEL.test(value);

/**
 * @typedef {{ ok: true, subdomain: string } | { ok: false, subdomain: string, problem: string }} SubdomainCheck
 */

/**
 * A clinic's subdomain as the platform stores it (trimmed, lowercase) and why it cannot be
 * one, if it cannot: the one rule of the CMS's validation and of its "is it free" answer.
 *
 * @example
 * ```js
 * checkSubdomain(' Lisya-Tropa '); // → { ok: true, subdomain: 'lisya-tropa' }
 * checkSubdomain('www'); // → { ok: false, subdomain: 'www', problem: '"www" is reserved for the platform' }
 * ```
 * @param {string} value
 * @returns {SubdomainCheck}
 */
export const checkSubdomain = (value) => {
  const subdomain = value.trim().toLowerCase();
  /** @param {string} problem @returns {SubdomainCheck} */
  const refused = (problem) => ({ ok: false, subdomain, problem });
  if (subdomain.length < 2 || !isDnsLabel(subdomain)) {
    return refused(
      'must be 2 to 63 lowercase Latin letters, digits or hyphens, not starting or ending with a hyphen'
    );
  }
  if (subdomain.slice(2, 4) === '--') {
    return refused(
      'must not have two hyphens in the third and fourth positions (reserved for IDN)'
    );
  }
  if (RESERVED_SUBDOMAINS.has(subdomain)) {
    return refused(`"${subdomain}" is reserved for the platform`);
  }
  return { ok: true, subdomain };
};
