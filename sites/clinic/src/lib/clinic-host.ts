/**
 * Which clinic a Host header names: `<subdomain>.<SITES_BASE_DOMAIN>` (any port), or else a
 * clinic's own domain. Lower-cased, without port or trailing dot.
 */
export type ClinicHost = { subdomain: string } | { customDomain: string };

export const clinicHostOf = (host: string | null, baseDomain: string): ClinicHost | null => {
  const name = (host ?? '').trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  if (!name || name.length > 253) return null;
  const base = baseDomain.toLowerCase();
  if (name === base) return null;
  if (name.endsWith(`.${base}`)) {
    const subdomain = name.slice(0, -(base.length + 1));
    return /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(subdomain) ? { subdomain } : null;
  }
  return /^[a-z0-9.-]+$/.test(name) ? { customDomain: name } : null;
};
