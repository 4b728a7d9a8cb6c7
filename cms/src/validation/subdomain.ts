/**
 * Subdomains the platform keeps for its own services; a clinic can never take them.
 */
export const RESERVED_SUBDOMAINS: ReadonlySet<string> = new Set([
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

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Why `value` cannot be a clinic's subdomain, or null when it can. */
export const subdomainProblem = (value: string): string | null => {
  if (!DNS_LABEL.test(value)) {
    return 'must be 1 to 63 lowercase Latin letters, digits or hyphens, not starting or ending with a hyphen';
  }
  if (value.slice(2, 4) === '--') {
    return 'must not have two hyphens in the third and fourth positions (reserved for IDN)';
  }
  if (RESERVED_SUBDOMAINS.has(value)) {
    return `"${value}" is reserved for the platform`;
  }
  return null;
};
