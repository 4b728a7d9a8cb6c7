import { isIP } from 'node:net';

/** What a proxy in front says about the original request; anyone else could say anything. */
const FORWARDING_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-port',
  'x-forwarded-proto',
];

/** `::ffff:127.0.0.1` (IPv4 on a dual-stack socket) is `127.0.0.1`. */
const plainAddress = (/** @type {string | undefined} */ address) =>
  (address ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/**
 * The proxies whose forwarding headers are believed: `TRUSTED_PROXIES`, IP addresses separated
 * by commas; none by default. A wrong entry is a TypeError, so that a typo does not trust nobody
 * silently.
 * @param {string} [value]
 * @returns {Set<string>}
 */
export const trustedProxies = (value = process.env.TRUSTED_PROXIES ?? '') => {
  const addresses = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const address of addresses) {
    if (!isIP(address)) throw new TypeError(`TRUSTED_PROXIES: "${address}" is not an IP address`);
  }
  return new Set(addresses.map(plainAddress));
};

/**
 * Drops X-Forwarded-* and Forwarded from every request that does not come straight from a
 * trusted proxy, before anything reads them (the page cache's key, Astro's `url` and client
 * address): a visitor cannot choose the scheme or host a page believes it was asked with.
 * @param {import('node:http').RequestListener} handler
 * @param {Set<string>} [trusted]
 * @returns {import('node:http').RequestListener}
 */
export const ignoreUntrustedForwarding =
  (handler, trusted = trustedProxies()) =>
  (request, response) => {
    if (!trusted.has(plainAddress(request.socket.remoteAddress))) {
      for (const name of FORWARDING_HEADERS) delete request.headers[name];
    }
    return handler(request, response);
  };
