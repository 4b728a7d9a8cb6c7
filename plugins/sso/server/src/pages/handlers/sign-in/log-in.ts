import type { Context } from 'koa';
import type Provider from 'oidc-provider';

import { acrOf } from '../../../second-factor/acr';
import { finishInteraction } from './finish-interaction';

/**
 * Signs the person in: the session, and the ID token's `amr` (how, RFC 8176) and `acr`
 * (`urn:vixenhealth:acr:mfa` with a second factor, `urn:vixenhealth:acr:pwd` without).
 */
export const logIn = (ctx: Context, provider: Provider, accountId: string, methods: string[]) =>
  finishInteraction(ctx, provider, {
    login: { accountId, amr: [...new Set(methods)], acr: acrOf(methods) },
  });
