import { randomBytes } from 'node:crypto';

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { UpstreamError } from '../../../upstreams/profile';
import { getConfig, getService } from '../../../utils';
import { saveFlow, type FlowPurpose } from './flow-cookie';

const random = () => randomBytes(32).toString('base64url');

/** The one callback address every provider is registered with: `<issuer>/upstream/<id>/callback`. */
export const upstreamCallbackUrl = (strapi: Core.Strapi, provider: string) =>
  `${getConfig(strapi).issuer}/upstream/${provider}/callback`;

/**
 * Sends the browser to the provider with a fresh state, nonce and PKCE verifier, kept sealed
 * in this browser's cookie with what the sign-in is for.
 */
export const redirectToUpstream = async (
  strapi: Core.Strapi,
  ctx: Context,
  base: string,
  providerId: string,
  purpose: FlowPurpose
) => {
  const upstream = getService(strapi, 'external-identities').upstreams().find(providerId);
  if (!upstream) throw new UpstreamError('ERR_UPSTREAM_UNKNOWN', 'No such provider');
  const flow = {
    redirectUri: upstreamCallbackUrl(strapi, upstream.id),
    state: random(),
    nonce: random(),
    codeVerifier: random(),
  };
  const url = await upstream.authorizationUrl(flow);
  saveFlow(strapi, ctx, base, {
    stage: 'started',
    provider: upstream.id,
    state: flow.state,
    nonce: flow.nonce,
    verifier: flow.codeVerifier,
    ...purpose,
  });
  ctx.status = 303;
  ctx.redirect(url.href);
};
