import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/** `::ffff:203.0.113.9` (an IPv4 peer of an IPv6 socket) is `203.0.113.9`. */
const unmapped = (address: string) =>
  address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;

const familyOf = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/**
 * The reverse proxies whose `X-Forwarded-For` is believed, from addresses and CIDR ranges
 * (`10.0.0.5`, `10.0.0.0/8`, `fd00::/8`). Throws a `TypeError` naming a wrong entry.
 */
export const trustedProxies = (entries: readonly string[]): BlockList => {
  const list = new BlockList();
  // `ID_TRUSTED_PROXIES=` as `.env.example` leaves it reads as one blank entry: no proxy.
  for (const entry of entries.map((item) => item.trim()).filter(Boolean)) {
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = Number(prefix);
    const validPrefix =
      prefix === undefined || (/^\d+$/.test(prefix) && bits <= (family === 6 ? 128 : 32));
    if (!family || !validPrefix || rest.length > 0) {
      throw new TypeError(
        `sso: trustedProxies (ID_TRUSTED_PROXIES): "${entry}" is not an IP address or CIDR range`
      );
    }
    if (prefix === undefined) list.addAddress(address, familyOf(address));
    else list.addSubnet(address, bits, familyOf(address));
  }
  return list;
};

/**
 * The address a request comes from, for throttling and the sign-in history. It is the peer's,
 * unless the peer is a trusted proxy: then `X-Forwarded-For` is read from its right end (the
 * hop that proxy added), hop by hop while the hop is a trusted proxy too, and the first other
 * address is the client's. Whatever a client writes into the header itself lies further left
 * and is never reached; from an untrusted peer the header is ignored.
 */
export const clientAddress = (req: IncomingMessage, trusted: BlockList): string => {
  const isTrusted = (address: string) =>
    isIP(address) !== 0 && trusted.check(address, familyOf(address));
  let address = unmapped(req.socket.remoteAddress ?? '');
  const hops = [req.headers['x-forwarded-for'] ?? []]
    .flat()
    .join(',')
    .split(',')
    .map((hop) => unmapped(hop.trim()))
    .filter(Boolean);
  while (isTrusted(address) && hops.length > 0) {
    const hop = hops.pop()!;
    // A trusted proxy wrote this hop; if it is no address, the proxy is the best we know.
    if (!isIP(hop)) break;
    address = hop;
  }
  return address;
};
