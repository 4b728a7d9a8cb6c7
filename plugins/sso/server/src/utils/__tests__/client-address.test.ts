import type { IncomingMessage } from 'node:http';

import { describe, expect, it } from 'vitest';

import { clientAddress, trustedProxies } from '../client-address';

const request = (peer: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('trustedProxies', () => {
  it('reads a blank setting (ID_TRUSTED_PROXIES= in .env) as no proxy at all', () => {
    const none = trustedProxies(['']);
    expect(clientAddress(request('127.0.0.1', '203.0.113.9'), none)).toBe('127.0.0.1');
  });

  it('accepts addresses and ranges with blanks around them', () => {
    const list = trustedProxies([' 10.0.0.0/8 ', '', 'fd00::1']);
    expect(clientAddress(request('10.1.2.3', '6.6.6.6, 203.0.113.9'), list)).toBe('203.0.113.9');
    expect(clientAddress(request('::ffff:10.1.2.3', '203.0.113.9'), list)).toBe('203.0.113.9');
  });

  it('refuses an entry that is no address, naming it', () => {
    expect(() => trustedProxies(['10.0.0.0/33'])).toThrow(/"10\.0\.0\.0\/33"/);
    expect(() => trustedProxies(['proxy.local'])).toThrow(/"proxy\.local"/);
  });
});
