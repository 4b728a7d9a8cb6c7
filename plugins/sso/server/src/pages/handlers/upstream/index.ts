import type { Core } from '@strapi/strapi';

import { getService } from '../../../utils';
import type { IdRoute } from '../../route';
import { createUpstreamCallbackRoute } from './callback';
import { createUpstreamConfirmRoutes } from './confirm';
import { createUpstreamResultRoute } from './result';
import { redirectToUpstream } from './start';

const UID = '([A-Za-z0-9_-]{1,64})';

/**
 * Signing in with an upstream provider (Google, Yandex ID, VK ID, a company realm): the
 * sign-in page's buttons, the providers' callback, and what the returned profile leads to.
 */
export const createUpstreamRoutes = (strapi: Core.Strapi, base: string): IdRoute[] => [
  {
    // A button of the sign-in page. Starting changes nothing but this browser's own cookie.
    method: 'GET',
    path: new RegExp(`^/interaction/${UID}/upstream/([a-z0-9]{1,40})$`),
    handle: async (ctx, provider, [, providerId]) => {
      const details = await provider.interactionDetails(ctx.req, ctx.res);
      await redirectToUpstream(strapi, ctx, base, providerId, {
        purpose: 'sign-in',
        uid: details.uid,
      });
    },
  },
  createUpstreamCallbackRoute(strapi, base),
  createUpstreamResultRoute(strapi, base),
  ...createUpstreamConfirmRoutes(strapi, base),
];

/** The sign-in page's buttons: one per configured provider. */
export const upstreamButtons = (strapi: Core.Strapi, base: string, uid: string) =>
  getService(strapi, 'external-identities')
    .upstreams()
    .list()
    .map((upstream) => ({
      id: upstream.id,
      label: upstream.label,
      href: `${base}/interaction/${uid}/upstream/${upstream.id}`,
    }));

export { redirectToUpstream } from './start';
