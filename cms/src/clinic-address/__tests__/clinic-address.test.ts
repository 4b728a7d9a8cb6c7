import { describe, expect, it } from 'vitest';

import {
  checkSubdomain,
  clinicHostOf,
  clinicSiteOrigin,
  clinicSitesFromEnv,
} from '@vixenhealth/cms/clinic-address';

describe('checkSubdomain', () => {
  it.each([
    ['lisya-tropa', 'lisya-tropa'],
    ['  Lisya-Tropa ', 'lisya-tropa'],
    ['k9', 'k9'],
    ['a'.repeat(63), 'a'.repeat(63)],
  ])('takes %j as %j', (value, subdomain) => {
    expect(checkSubdomain(value)).toEqual({ ok: true, subdomain });
  });

  it.each([
    ['-lisya', 'not starting or ending with a hyphen'],
    ['lisya-', 'not starting or ending with a hyphen'],
    ['a', '2 to 63'],
    ['a'.repeat(64), '2 to 63'],
    ['lisya.tropa', 'Latin letters, digits or hyphens'],
    ['lisya_tropa', 'Latin letters, digits or hyphens'],
    ['лиса', 'Latin letters, digits or hyphens'],
    ['', '2 to 63'],
    ['xn--80akhbyknj4f', 'reserved for IDN'],
    ['ab--cd', 'reserved for IDN'],
    ['www', 'reserved for the platform'],
    ['ID', 'reserved for the platform'],
  ])('refuses %j: %s', (value, problem) => {
    const check = checkSubdomain(value);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problem).toContain(problem);
    expect(check.subdomain).toBe(value.trim().toLowerCase());
  });
});

describe('clinicHostOf', () => {
  it.each([
    ['lisya-tropa.localhost', { subdomain: 'lisya-tropa' }],
    ['lisya-tropa.localhost:4322', { subdomain: 'lisya-tropa' }],
    ['Lisya-Tropa.LOCALHOST.', { subdomain: 'lisya-tropa' }],
    ['lisya-tropa.localhost.:4322', { subdomain: 'lisya-tropa' }],
    ['klinika-lisa.ru', { customDomain: 'klinika-lisa.ru' }],
    ['Klinika-Lisa.RU.:443', { customDomain: 'klinika-lisa.ru' }],
    // Browsers send internationalised names in punycode; a Unicode Host is never one of ours.
    ['xn--80akhbyknj4f.xn--p1ai', { customDomain: 'xn--80akhbyknj4f.xn--p1ai' }],
    ['клиника.рф', null],
    // The parser checks the label's form only: no clinic has a reserved or IDN-like subdomain.
    ['www.localhost', { subdomain: 'www' }],
    ['localhost', null],
    ['localhost:4322', null],
    ['a.b.localhost', null],
    ['-bad.localhost', null],
    ['bad-.localhost', null],
    ['-bad.ru', null],
    ['bad..ru', null],
    ['..', null],
    ['...', null],
    ['[::1]:4322', null],
    [`${'a'.repeat(64)}.localhost`, null],
    [`${'a.'.repeat(127)}ru`, null],
    ['', null],
    [null, null],
  ])('%j', (host, expected) => {
    expect(clinicHostOf(host, 'localhost')).toEqual(expected);
  });

  it('reads subdomains under any base domain, spelled in any case', () => {
    expect(clinicHostOf('lisya-tropa.vixenhealth.ru', 'VixenHealth.ru')).toEqual({
      subdomain: 'lisya-tropa',
    });
    expect(clinicHostOf('vixenhealth.ru', 'vixenhealth.ru')).toBeNull();
  });
});

describe('clinicSiteOrigin', () => {
  const local = { baseDomain: 'localhost', port: '4322' };
  const production = { baseDomain: 'vixenhealth.ru', port: '4322' };

  it.each([
    [{ subdomain: 'lisya-tropa' }, local, 'http://lisya-tropa.localhost:4322'],
    [{ subdomain: 'lisya-tropa' }, { baseDomain: 'localhost' }, 'http://lisya-tropa.localhost'],
    [{ subdomain: 'lisya-tropa' }, production, 'https://lisya-tropa.vixenhealth.ru'],
    [
      { subdomain: 'lisya-tropa', verifiedDomain: 'klinika-lisa.ru' },
      local,
      'https://klinika-lisa.ru',
    ],
    [
      { subdomain: 'lisya-tropa', verifiedDomain: null },
      production,
      'https://lisya-tropa.vixenhealth.ru',
    ],
    [{ subdomain: null, verifiedDomain: null }, local, null],
    [{}, production, null],
  ])('%j on %j is %j', (clinic, sites, origin) => {
    expect(clinicSiteOrigin(clinic, sites)).toBe(origin);
  });

  it('takes its settings from SITES_BASE_DOMAIN and CLINIC_SITES_PORT', () => {
    expect(clinicSitesFromEnv({})).toEqual({ baseDomain: 'localhost', port: '4322' });
    expect(
      clinicSitesFromEnv({ SITES_BASE_DOMAIN: 'vixenhealth.ru', CLINIC_SITES_PORT: '8080' })
    ).toEqual({ baseDomain: 'vixenhealth.ru', port: '8080' });
  });
});
