import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

export type ScrapeAccess = 'allowed' | 'unauthorized' | 'forbidden';

export interface ScrapeRequest {
  /** The `Authorization` header as sent. */
  authorization: string | undefined;
  /** The TCP peer's address: never a forwarded header, which a client can write. */
  peerAddress: string | undefined;
  /** Whether a proxy says it forwarded the request (`Forwarded`, `X-Forwarded-For`). */
  forwarded: boolean;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Equal strings, compared in time that does not depend on where they differ. */
const sameSecret = (given: string, expected: string) =>
  timingSafeEqual(digest(given), digest(expected));

const isLoopback = (address: string | undefined) => {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return address === '::1';
};

/**
 * Who may read the system metrics. With a token set, whoever sends it as a bearer token (401
 * otherwise). Without one, only the machine itself: a loopback peer whose request no proxy
 * forwarded, since a reverse proxy on the same host would make every visitor look local (403).
 */
export const scrapeAccess = (token: string, request: ScrapeRequest): ScrapeAccess => {
  if (token) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.authorization ?? '');
    return match && sameSecret(match[1], token) ? 'allowed' : 'unauthorized';
  }
  return isLoopback(request.peerAddress) && !request.forwarded ? 'allowed' : 'forbidden';
};
