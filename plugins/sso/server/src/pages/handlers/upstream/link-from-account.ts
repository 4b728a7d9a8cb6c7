import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';

import type { UpstreamProfile } from '../../../upstreams/profile';
import { getService } from '../../../utils';
import { UpstreamError } from '../../../upstreams/profile';
import { signedInAccount } from '../account/signed-in';

/**
 * Links the profile to the account that started linking in "my account" — only if that
 * account is still the one signed in to this browser — and goes back to the linked-accounts page.
 */
export const linkFromAccount = async (
  strapi: Core.Strapi,
  ctx: Context,
  provider: Provider,
  base: string,
  accountId: string,
  profile: UpstreamProfile
) => {
  const signedIn = await signedInAccount(strapi, provider, ctx);
  if (!signedIn || signedIn.account.documentId !== accountId) {
    throw new UpstreamError('ERR_UPSTREAM_STATE', 'Another account is signed in');
  }
  const result = await getService(strapi, 'external-identities').link(signedIn.account.id, profile);
  ctx.status = 303;
  ctx.redirect(`${base}/account/linked?${result.ok ? 'done=linked' : `refused=${result.reason}`}`);
};
