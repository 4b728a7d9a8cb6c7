import { isDnsLabel } from './subdomain.mjs';

/**
 * @typedef {{ subdomain: string } | { customDomain: string }} ClinicHost
 */

/**
 * Which clinic a Host header names: `<subdomain>.<baseDomain>` (any port), or else a clinic's
 * own domain; null for anything that cannot be one (the base domain itself, a deeper name, an
 * IP literal, a label out of the DNS rule). Lower-cased, without port or trailing dot. Names
 * come as browsers send them, internationalised ones in punycode (`xn--…`).
 *
 * @example
 * ```js
 * clinicHostOf('Lisya-Tropa.localhost:4322', 'localhost'); // → { subdomain: 'lisya-tropa' }
 * clinicHostOf('klinika-lisa.ru.', 'localhost'); // → { customDomain: 'klinika-lisa.ru' }
 * clinicHostOf('-bad.localhost', 'localhost'); // → null
 * ```
 * @param {string | null | undefined} host
 * @param {string} baseDomain the platform's domain of clinic sites (`SITES_BASE_DOMAIN`)
 * @returns {ClinicHost | null}
 */
export const clinicHostOf = (host, baseDomain) => {
  const name = (host ?? '').trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  if (!name || name.length > 253) return null;
  const base = baseDomain.toLowerCase();
  if (name.endsWith(`.${base}`)) {
    const subdomain = name.slice(0, -(base.length + 1));
    return isDnsLabel(subdomain) ? { subdomain } : null;
  }
  return name !== base && name.split('.').every(isDnsLabel) ? { customDomain: name } : null;
};
