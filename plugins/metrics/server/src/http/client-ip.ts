import type { IncomingMessage } from 'node:http';

/** The proxy settings of Strapi's Koa app (`server.proxy` in the CMS's config). */
export interface ProxySettings {
  proxy: boolean;
  proxyIpHeader: string;
  maxIpsCount: number;
}

/**
 * The client's address as Koa's `ctx.request.ip` gives it for these settings: the first address
 * of the proxy's header (keeping only the last `maxIpsCount`) when the proxy is trusted, else
 * the socket's peer.
 */
export const clientIp = (req: IncomingMessage, settings: ProxySettings): string => {
  const header = settings.proxy ? req.headers[settings.proxyIpHeader.toLowerCase()] : undefined;
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value) {
    let ips = value
      .split(',')
      .map((ip) => ip.trim())
      .filter(Boolean);
    if (settings.maxIpsCount > 0) ips = ips.slice(-settings.maxIpsCount);
    if (ips[0]) return ips[0];
  }
  return req.socket.remoteAddress ?? '';
};
