import { domainToASCII } from 'node:url';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const PLATFORM_DOMAINS = ['vixenhealth.ru'];

export type CustomDomainCheck = { ok: true; domain: string } | { ok: false; problem: string };

const isUnder = (domain: string, base: string) => domain === base || domain.endsWith(`.${base}`);

/**
 * Normalises a clinic's own domain (lowercase, punycode for Cyrillic names such as `клиника.рф`)
 * and says why it cannot be used, if it cannot.
 */
export const checkCustomDomain = (value: string, sitesBaseDomain: string): CustomDomainCheck => {
  const trimmed = value.trim().replace(/\.$/, '');
  const domain = domainToASCII(trimmed.toLowerCase());
  if (!domain || domain.length > 253) {
    return { ok: false, problem: 'must be a domain name such as clinic.ru' };
  }
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) {
    return { ok: false, problem: 'must be a domain name such as clinic.ru' };
  }
  if (!TOP_LEVEL.test(labels[labels.length - 1])) {
    return { ok: false, problem: 'must end with a real top-level domain' };
  }
  const platformDomains = [...PLATFORM_DOMAINS, sitesBaseDomain.toLowerCase()].filter(Boolean);
  if (platformDomains.some((base) => isUnder(domain, base))) {
    return { ok: false, problem: 'is a platform address; set the subdomain instead' };
  }
  return { ok: true, domain };
};
