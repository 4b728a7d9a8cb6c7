import type { Context } from 'koa';

import {
  badRequest,
  expiredChallenge,
  LABEL_MAX_LENGTH,
  PasskeyError,
  passkeyChallenges,
  passkeyStore,
  registerPasskey,
  registrationOptions,
} from '../../../second-factor/passkeys';
import { hasMessage, negotiateLocale, translate } from '../../i18n/messages';
import { pageContext } from '../../request/page-context';
import type { IdRoute } from '../../route';
import { passkeysPage, type PasskeysView } from '../../templates/passkeys';
import type { AccountFeature } from '../account/feature';
import { signedInForm, signedInPage } from '../account/guard';
import { reauthenticate } from '../account/reauthenticate';
import { signedInAccount, type SignedIn } from '../account/signed-in';
import { assetsUrl, PASSKEYS_SCRIPT } from './assets';
import { jsonEndpoint, jsonField } from './json-endpoint';

/** A passkey's name as typed: trimmed, required, at most 60 characters. */
const labelProblem = (label: string) => {
  if (!label) return 'label-missing' as const;
  if (label.length > LABEL_MAX_LENGTH) return 'label-too-long' as const;
  return null;
};

/** A passkey id from a form: a positive integer, or null. */
const passkeyId = (value: string | undefined) =>
  /^[1-9][0-9]{0,15}$/.test(value ?? '') ? Number(value) : null;

/**
 * "My account → Passkeys" (`/account/passkeys`): the list, adding one (its password asked
 * again first, like every change that matters), renaming and removing (password again). Every
 * query names the signed-in user, so another user's passkey is "not found".
 */
export const createPasskeyAccountRoutes = (feature: AccountFeature): IdRoute[] => {
  const { strapi, paths } = feature;
  const store = passkeyStore(strapi);
  const challenges = passkeyChallenges(strapi);
  const purpose = (signedIn: SignedIn) => `register:${signedIn.account.id}`;

  const render = async (
    ctx: Context,
    signedIn: SignedIn,
    state: { status?: number; notice?: string | null; error?: PasskeysView['error'] } = {}
  ) => {
    const page = pageContext(ctx, paths.overview, { scriptSrc: assetsUrl(strapi) });
    ctx.status = state.status ?? 200;
    ctx.body = passkeysPage(page, {
      paths,
      passkeys: await store.listFor(signedIn.account.id),
      notice: state.notice ?? null,
      error: state.error ?? null,
      scriptUrl: `${assetsUrl(strapi)}${PASSKEYS_SCRIPT}`,
    });
  };

  /** The JSON endpoints answer 401 to a browser with no session: the script cannot sign in. */
  const signedInOrRefuse = async (
    ctx: Context,
    provider: Parameters<typeof signedInAccount>[1]
  ) => {
    const signedIn = await signedInAccount(strapi, provider, ctx);
    if (!signedIn) throw new PasskeyError(401, 'ERR_PASSKEY_SIGNED_OUT', 'expired');
    // Staff acting as the person never add a way into their account (see account/guard.ts).
    if (signedIn.impersonation) {
      throw new PasskeyError(403, 'ERR_PASSKEY_IMPERSONATED', 'impersonated');
    }
    return signedIn;
  };

  return [
    {
      method: 'GET',
      path: /^\/account\/passkeys$/,
      handle: signedInPage(feature, async (ctx, _provider, signedIn) => {
        const key = `passkeys.notice.${String(ctx.query.done ?? '')}`;
        const locale = negotiateLocale(ctx.get('accept-language'));
        await render(ctx, signedIn, { notice: hasMessage(key) ? translate(locale, key) : null });
      }),
    },
    {
      method: 'POST',
      path: /^\/account\/passkeys\/options$/,
      handle: jsonEndpoint(async ({ ctx, provider, form, locale }) => {
        const signedIn = await signedInOrRefuse(ctx, provider);
        const check = await reauthenticate(strapi, ctx, signedIn.account, form.password, locale);
        if (!check.ok) {
          ctx.status = check.status;
          return { error: { code: 'ERR_PASSKEY_REAUTHENTICATION', message: check.error } };
        }
        const options = await registrationOptions(strapi, signedIn.account);
        await challenges.issue(ctx, paths.passkeys, purpose(signedIn), options.challenge);
        return options;
      }),
    },
    {
      method: 'POST',
      path: /^\/account\/passkeys\/verify$/,
      handle: jsonEndpoint(async ({ ctx, provider, form }) => {
        const signedIn = await signedInOrRefuse(ctx, provider);
        const label = (form.label ?? '').trim();
        const problem = labelProblem(label);
        if (problem) throw new PasskeyError(400, 'ERR_PASSKEY_BAD_REQUEST', problem);
        const response = jsonField(form, 'response');
        const expectedChallenge = await challenges.take(ctx, paths.passkeys, purpose(signedIn));
        if (!expectedChallenge) {
          throw expiredChallenge();
        }
        await registerPasskey(strapi, signedIn.account, { response, expectedChallenge, label });
        return { redirectTo: `${paths.passkeys}?done=added` };
      }),
    },
    {
      method: 'POST',
      path: /^\/account\/passkeys\/rename$/,
      handle: signedInForm(feature, async (ctx, _provider, signedIn, form) => {
        const locale = negotiateLocale(ctx.get('accept-language'));
        const id = passkeyId(form.id);
        const label = (form.label ?? '').trim();
        const problem = labelProblem(label);
        if (problem) {
          const error = { passkeyId: id, message: translate(locale, `passkeys.error.${problem}`) };
          return render(ctx, signedIn, { status: 400, error });
        }
        if (id === null || !(await store.rename(signedIn.account.id, id, label))) {
          const error = { passkeyId: null, message: translate(locale, 'passkeys.error.not-found') };
          return render(ctx, signedIn, { status: 404, error });
        }
        ctx.status = 303;
        ctx.redirect(`${paths.passkeys}?done=renamed`);
      }),
    },
    {
      method: 'POST',
      path: /^\/account\/passkeys\/remove$/,
      handle: signedInForm(feature, async (ctx, _provider, signedIn, form) => {
        const locale = negotiateLocale(ctx.get('accept-language'));
        const id = passkeyId(form.id);
        const owned =
          id !== null && (await store.listFor(signedIn.account.id)).some((p) => p.id === id);
        // Not the user's: said before the password is checked, which it would not change.
        if (!owned) {
          const error = { passkeyId: null, message: translate(locale, 'passkeys.error.not-found') };
          return render(ctx, signedIn, { status: 404, error });
        }
        const check = await reauthenticate(strapi, ctx, signedIn.account, form.password, locale);
        if (!check.ok) {
          return render(ctx, signedIn, {
            status: check.status,
            error: { passkeyId: id, message: check.error },
          });
        }
        if (!(await store.remove(signedIn.account.id, id))) throw badRequest('id');
        ctx.status = 303;
        ctx.redirect(`${paths.passkeys}?done=removed`);
      }),
    },
  ];
};
