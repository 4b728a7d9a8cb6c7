/**
 * Where a clinic's site lives under the platform: `<subdomain>.<SITES_BASE_DOMAIN>`, over http
 * and on `port` for `localhost` (development, where browsers send it to loopback), over https
 * on the standard port anywhere else.
 */
export const subdomainOrigin = (
  subdomain: string,
  port: string | undefined,
  env: NodeJS.ProcessEnv = process.env
) => {
  const baseDomain = env.SITES_BASE_DOMAIN || 'localhost';
  const local = baseDomain === 'localhost';
  return `${local ? 'http' : 'https'}://${subdomain}.${baseDomain}${local && port ? `:${port}` : ''}`;
};

/** A clinic's own domain: always https. */
export const customDomainOrigin = (domain: string) => `https://${domain}`;
