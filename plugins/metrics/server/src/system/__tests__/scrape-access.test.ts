import { describe, expect, it } from 'vitest';

import { scrapeAccess } from '../scrape-access';

/**
 * The rule of `GET /metrics` for peers a loopback test server cannot have (the HTTP test in
 * system-metrics.test.ts covers loopback, tokens and forwarded requests end to end).
 */
describe('scrapeAccess', () => {
  const request = (peerAddress: string, extra: object = {}) => ({
    authorization: undefined,
    peerAddress,
    forwarded: false,
    ...extra,
  });

  it('without a token, answers loopback peers only, IPv4-mapped ones included', () => {
    for (const peer of ['127.0.0.1', '127.0.0.53', '::1', '::ffff:127.0.0.1']) {
      expect(scrapeAccess('', request(peer)), peer).toBe('allowed');
    }
    for (const peer of ['10.0.0.5', '172.18.0.3', '::ffff:10.0.0.5', 'fe80::1', '', '::']) {
      expect(scrapeAccess('', request(peer)), peer).toBe('forbidden');
    }
    expect(scrapeAccess('', request('127.0.0.1', { forwarded: true }))).toBe('forbidden');
  });

  it('with a token, answers its bearer from anywhere, and nobody else even from loopback', () => {
    const token = 'secret-token';
    const bearer = { authorization: `Bearer ${token}` };
    expect(scrapeAccess(token, request('203.0.113.7', bearer))).toBe('allowed');
    expect(scrapeAccess(token, request('10.0.0.5', { authorization: 'bearer secret-token' }))).toBe(
      'allowed'
    );
    for (const authorization of [undefined, '', 'Bearer', 'Bearer secret-token2', token]) {
      expect(scrapeAccess(token, request('127.0.0.1', { authorization })), authorization).toBe(
        'unauthorized'
      );
    }
  });
});
