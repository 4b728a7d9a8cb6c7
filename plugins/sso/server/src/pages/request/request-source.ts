import type { BlockList } from 'node:net';

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { getConfig } from '../../utils';
import { clientAddress, trustedProxies } from '../../utils/client-address';

const parsed = new WeakMap<readonly string[], BlockList>();

/** `clientAddress` of a request to ID, with the proxies of ID's configuration. */
export const requestSource = (strapi: Core.Strapi, ctx: Context): string => {
  const entries = getConfig(strapi).trustedProxies;
  if (!parsed.has(entries)) parsed.set(entries, trustedProxies(entries));
  return clientAddress(ctx.req, parsed.get(entries)!);
};
