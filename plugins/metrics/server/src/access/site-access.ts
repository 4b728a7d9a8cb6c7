import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import type { MetricsSite } from '../../../shared/contracts';
import { notAllowed, notFound, signInFirst } from '../errors';
import { getService } from '../services/get-service';

/** The ID permission a service's token needs to read any clinic's figures. */
export const METRICS_READ_PERMISSION = 'clinic-metrics:read';

interface Caller {
  kind?: 'service';
  permissions?: string[];
  id?: number;
}

const callerOf = (ctx: Context): Caller | null =>
  (ctx.state.auth?.credentials as Caller | undefined) ??
  (ctx.state.user as Caller | undefined) ??
  null;

/**
 * The site a caller may read: a person reads the clinics they own or administer (any other
 * answers 404, exactly like a missing one); a service needs `clinic-metrics:read` in its ID
 * token and then reads any site.
 */
export const readableSite = async (
  strapi: Core.Strapi,
  ctx: Context,
  id: string
): Promise<MetricsSite> => {
  const caller = callerOf(ctx);
  const sites = getService(strapi, 'sites').get();
  if (caller?.kind === 'service') {
    if (!caller.permissions?.includes(METRICS_READ_PERMISSION)) {
      throw notAllowed('permission', `The token lacks ${METRICS_READ_PERMISSION}`);
    }
    const site = await sites.find(id);
    if (!site) throw notFound('Site');
    return site;
  }
  if (typeof caller?.id !== 'number') throw signInFirst();
  const site = await sites.readableBy(caller.id, id);
  if (!site) throw notFound('Site');
  return site;
};

/** The site whose settings a person may change: owners only; administrators read, get 403. */
export const manageableSite = async (
  strapi: Core.Strapi,
  ctx: Context,
  id: string
): Promise<MetricsSite> => {
  const caller = callerOf(ctx);
  if (caller?.kind === 'service') {
    throw notAllowed('people-only', 'Only the clinic’s owners change its metrics settings');
  }
  const site = await readableSite(strapi, ctx, id);
  const owned = await getService(strapi, 'sites')
    .get()
    .manageableBy(caller?.id as number, site.id);
  if (!owned)
    throw notAllowed('owners-only', 'Only the clinic’s owners change its metrics settings');
  return owned;
};
