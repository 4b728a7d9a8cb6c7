import { describe, expect, it } from 'vitest';

import { clinicSiteUrl } from '../src/lib/clinic-site-url';

describe('a clinic’s own address', () => {
  it('is its own domain, over https, once verified', () => {
    expect(
      clinicSiteUrl(
        { subdomain: 'lisya-tropa', verifiedDomain: 'klinika-lisa.ru' },
        { baseDomain: 'localhost', port: '4322' }
      )
    ).toBe('https://klinika-lisa.ru');
  });

  it('is its subdomain: over http on the sites’ port in development, https otherwise', () => {
    const fox = { subdomain: 'lisya-tropa', verifiedDomain: null };
    expect(clinicSiteUrl(fox, { baseDomain: 'localhost', port: '4322' })).toBe(
      'http://lisya-tropa.localhost:4322'
    );
    expect(clinicSiteUrl(fox, { baseDomain: 'vixenhealth.ru', port: '4322' })).toBe(
      'https://lisya-tropa.vixenhealth.ru'
    );
  });
});
