import { Resolver } from 'node:dns/promises';

import type { DomainCheckResult, DomainRecord } from '../../contracts';

/**
 * The TXT record that proves a clinic controls `domain`: under a name of its own, so it sits
 * beside whatever else the domain publishes, with the clinic's token.
 */
export const verificationRecord = (domain: string, token: string): DomainRecord => ({
  type: 'TXT',
  name: `_vixenhealth.${domain}`,
  value: `vixenhealth-domain-verification=${token}`,
});

/**
 * A resolver asking `DOMAIN_VERIFICATION_DNS_SERVERS` (comma-separated `host[:port]`), or the
 * system's servers when unset. Read at each check, so a change needs no restart.
 */
const resolver = () => {
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  const servers = (process.env.DOMAIN_VERIFICATION_DNS_SERVERS ?? '')
    .split(',')
    .map((server) => server.trim())
    .filter(Boolean);
  if (servers.length > 0) resolver.setServers(servers);
  return resolver;
};

/** No such name, or no TXT under it: DNS answered, and the record is not there. */
const NOT_THERE = new Set(['ENOTFOUND', 'ENODATA']);

/** Whether DNS publishes `record` now. */
export const lookUpRecord = async (record: DomainRecord): Promise<DomainCheckResult> => {
  try {
    const published = await resolver().resolveTxt(record.name);
    return published.some((chunks) => chunks.join('') === record.value) ? 'found' : 'missing';
  } catch (error) {
    return NOT_THERE.has((error as NodeJS.ErrnoException).code ?? '') ? 'missing' : 'unreachable';
  }
};
