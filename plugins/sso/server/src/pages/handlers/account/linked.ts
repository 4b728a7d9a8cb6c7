import type { Context } from 'koa';

import { getService } from '../../../utils';
import { hasMessage, negotiateLocale, translate } from '../../i18n/messages';
import { pageContext } from '../../request/page-context';
import type { IdRoute } from '../../route';
import { linkedAccountsPage } from '../../templates/upstream';
import { redirectToUpstream } from '../upstream';
import type { AccountFeature } from './feature';
import { signedInForm, signedInPage } from './guard';
import type { SignedIn } from './signed-in';

const message = (ctx: Context, prefix: string, value: unknown) => {
  const key = `${prefix}.${String(value ?? '')}`;
  return hasMessage(key) ? translate(negotiateLocale(ctx.get('accept-language')), key) : null;
};

const render = async (feature: AccountFeature, ctx: Context, { account }: SignedIn) => {
  const identities = getService(feature.strapi, 'external-identities');
  const upstreams = identities.upstreams().list();
  const linked = await identities.listOf(account.id);
  const page = pageContext(ctx, feature.paths.overview);
  const labelOf = (id: string) => upstreams.find((upstream) => upstream.id === id)?.label ?? id;
  ctx.body = linkedAccountsPage(page, {
    identities: linked.map((identity) => ({
      id: identity.id,
      label: labelOf(identity.provider),
      email: identity.email,
      linkedAt: identity.linkedAt,
    })),
    available: upstreams
      .filter((upstream) => !linked.some((identity) => identity.provider === upstream.id))
      .map(({ id, label }) => ({ id, label })),
    notice: message(ctx, 'account.linked.done', ctx.query.done),
    error: message(ctx, 'account.linked.refused', ctx.query.refused),
    linkAction: feature.paths.linkUpstream,
    unlinkAction: feature.paths.unlinkUpstream,
    back: feature.paths.overview,
  });
};

/**
 * "Linked accounts" (`/account/linked`): the upstream providers that sign this account in,
 * linking another one (through the provider, back to the callback) and unlinking.
 */
export const createLinkedRoutes = (feature: AccountFeature): IdRoute[] => [
  {
    method: 'GET',
    path: /^\/account\/linked$/,
    handle: signedInPage(feature, async (ctx, _provider, signedIn) =>
      render(feature, ctx, signedIn)
    ),
  },
  {
    method: 'POST',
    path: /^\/account\/linked\/start$/,
    handle: signedInForm(feature, async (ctx, _provider, { account }, form) => {
      await redirectToUpstream(feature.strapi, ctx, feature.base, String(form.provider ?? ''), {
        purpose: 'link',
        accountId: account.documentId,
      });
    }),
  },
  {
    method: 'POST',
    path: /^\/account\/linked\/unlink$/,
    handle: signedInForm(feature, async (ctx, _provider, { account }, form) => {
      const identityId = Number(form.identity);
      const result = Number.isSafeInteger(identityId)
        ? await getService(feature.strapi, 'external-identities').unlink(account.id, identityId)
        : ({ ok: false, reason: 'not-found' } as const);
      ctx.status = 303;
      ctx.redirect(
        `${feature.paths.linked}?${result.ok ? 'done=unlinked' : `refused=${result.reason}`}`
      );
    }),
  },
];
