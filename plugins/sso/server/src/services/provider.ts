import type { Core } from '@strapi/strapi';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

import { impersonationHooks } from '../impersonation/provider-hooks';
import { endOwnGrantsOnSignOut } from '../lifecycle/sign-out';
import { errorPage, pageContext, signedOutPage, signOutPage } from '../pages';
import { serveRevocationList } from '../protocol/revocation-list';
import { ACR_VALUES, AMR_VALUES } from '../second-factor/acr';
import { getConfig, getService, mountPath } from '../utils';
import { oncePerRequest } from '../utils/per-request';
import { createOidcAdapter } from './oidc-adapter';
import { grantReference } from './token-revocations';

/** The scope that asks for an access token to the platform's APIs (a JWT, RFC 9068). */
export const API_SCOPE = 'api';

const DAY = 24 * 60 * 60;

/**
 * Builds the OpenID Connect provider (oidc-provider, the certified library) from the current
 * keys, clients and accounts. Rebuilt when the signing keys change.
 */
const provider = ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(): Promise<Provider> {
    const config = getConfig(strapi);
    const accounts = getService(strapi, 'accounts');
    const clients = getService(strapi, 'clients');
    const base = mountPath(config);
    const impersonation = impersonationHooks(strapi);
    const accountOf = oncePerRequest(strapi, (sub) => accounts.findBySubject(sub));

    const wantsApi = (ctx: KoaContextWithOIDC) => {
      const scope = String(ctx.oidc.params?.scope ?? '');
      return (
        ctx.oidc.params?.grant_type === 'client_credentials' || scope.split(' ').includes(API_SCOPE)
      );
    };

    const configuration: Configuration = {
      adapter: createOidcAdapter(strapi),
      jwks: (await getService(strapi, 'signing-keys').providerJwks()) as Configuration['jwks'],
      cookies: {
        keys: config.cookieKeys,
        long: { signed: true, sameSite: 'lax' },
        short: { signed: true, sameSite: 'lax' },
      },
      // What discovery advertises is exactly what findAccount serves and clients may ask for.
      claims: {
        // `acr` and `amr` (RFC 8176: pwd, otp, hwk, swk, mfa, fed, …): how the person signed in,
        // from the session, in every ID token (oidc-provider serves a claim outside a scope only
        // when the client asks for it); `act` (RFC 8693) only in a session where staff act as
        // the person (see impersonation/).
        openid: ['sub', 'acr', 'amr', 'act'],
        email: ['email', 'email_verified'],
        profile: ['name', 'preferred_username'],
      },
      scopes: ['openid', 'offline_access', 'email', 'profile', API_SCOPE],
      // How a sign-in was made (ID token `acr`, `amr`): a password alone, or with a second factor.
      acrValues: ACR_VALUES,
      discovery: { amr_values_supported: [...AMR_VALUES] },
      responseTypes: ['code'],
      pkce: { required: () => true },
      rotateRefreshToken: true,
      // Our own applications keep users signed in without a consent screen; third parties must
      // ask for offline_access with prompt=consent, as OpenID Connect requires.
      issueRefreshToken: async (_ctx, client, code) => {
        if (!client.grantTypeAllowed('refresh_token')) return false;
        // An impersonation ends at a set time: nothing may renew its tokens past it.
        if (await impersonation.isImpersonated(code)) return false;
        if (code.scopes.has('offline_access')) return true;
        return (await clients.find(client.clientId))?.firstParty ?? false;
      },
      ttl: {
        AccessToken: config.accessTokenTtlSeconds,
        ClientCredentials: config.accessTokenTtlSeconds,
        AuthorizationCode: 60,
        IdToken: (ctx) => impersonation.idTokenTtl(ctx, 60 * 60),
        Interaction: 60 * 60,
        RefreshToken: 30 * DAY,
        Session: 14 * DAY,
        Grant: 365 * DAY,
      },
      features: {
        devInteractions: { enabled: false },
        clientCredentials: { enabled: true },
        introspection: {
          enabled: true,
          // Only the token's own client, or a resource server registered as one, learns of it.
          allowedPolicy: async (_ctx, caller, token) =>
            token.clientId === caller.clientId ||
            (caller.clientAuthMethod !== 'none' &&
              ((await clients.find(caller.clientId))?.resourceServer ?? false)),
        },
        revocation: { enabled: true },
        userinfo: { enabled: true },
        rpInitiatedLogout: {
          enabled: true,
          logoutSource: async (ctx, form) => {
            ctx.body = signOutPage(pageContext(ctx, base), form);
          },
          postLogoutSuccessSource: async (ctx) => {
            ctx.body = signedOutPage(pageContext(ctx, base));
          },
        },
        resourceIndicators: {
          enabled: true,
          // undefined is oidc-provider's own default ("no resource"), which its types leave out.
          defaultResource: (ctx) => (wantsApi(ctx) ? config.apiAudience : (undefined as never)),
          useGrantedResource: () => true,
          getResourceServerInfo: async (_ctx, resource, client) => {
            if (resource !== config.apiAudience) {
              throw new errors.InvalidTarget('unknown resource');
            }
            const registered = await clients.find(client.clientId);
            return {
              scope: API_SCOPE,
              audience: config.apiAudience,
              accessTokenTTL: registered?.accessTokenTtlSeconds ?? config.accessTokenTtlSeconds,
              accessTokenFormat: 'jwt',
              jwt: { sign: { alg: 'ES256' } },
            };
          },
        },
      },
      clientBasedCORS: (_ctx, origin, client) =>
        (client.redirectUris ?? []).some((uri) => new URL(uri).origin === origin),
      findAccount: async (ctx, sub, token) => {
        const account = await accountOf(sub);
        if (!account || account.blocked) return undefined;
        // At the authorization endpoint the session is the browser's; later, the token's.
        const actor = await impersonation.actorClaims(token ?? ctx.oidc?.session, ctx);
        return {
          accountId: sub,
          claims: async () => ({
            ...actor,
            sub,
            email: account.email,
            email_verified: account.confirmed,
            name: account.fullName || account.username,
            preferred_username: account.username,
          }),
        };
      },
      formats: {
        customizers: {
          // Which grant a JWT came from, so that revoking the grant reaches its JWTs too.
          jwt: async (_ctx, token, jwt) => {
            if ('grantId' in token && token.grantId) {
              jwt.payload.gid = grantReference(token.grantId);
            }
            jwt.payload.exp = await impersonation.cappedExpiry(token, jwt.payload.exp);
            return jwt;
          },
        },
      },
      extraTokenClaims: async (_ctx, token) => {
        if (!('accountId' in token) || !token.accountId) return undefined;
        const account = await accountOf(token.accountId);
        if (!account) return undefined;
        return {
          ...(await accounts.accessOf(account)),
          ...(await impersonation.actorClaims(token)),
        };
      },
      loadExistingGrant: async (ctx) => {
        const grantId =
          ctx.oidc.result?.consent?.grantId ??
          ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
        if (grantId) return ctx.oidc.provider.Grant.find(grantId);
        // Our own applications need no consent: the user signed in to VixenHealth itself.
        const registered = await clients.find(ctx.oidc.client!.clientId);
        if (!registered?.firstParty || !ctx.oidc.session?.accountId) return undefined;
        const grant = new ctx.oidc.provider.Grant({
          clientId: ctx.oidc.client!.clientId,
          accountId: ctx.oidc.session.accountId,
        });
        grant.addOIDCScope(String(ctx.oidc.params?.scope ?? 'openid'));
        if (wantsApi(ctx)) grant.addResourceScope(config.apiAudience, API_SCOPE);
        await grant.save();
        return grant;
      },
      interactions: {
        url: (_ctx, interaction) => `${base}/interaction/${interaction.uid}`,
      },
      renderError: async (ctx, out) => {
        const page = pageContext(ctx, base);
        ctx.body = errorPage(page, String(out.error_description ?? out.error));
      },
    };

    const oidc = new Provider(config.issuer, configuration);
    oidc.proxy = config.proxy;
    endOwnGrantsOnSignOut(strapi, oidc);
    serveRevocationList(strapi, oidc);
    return oidc;
  },
});

export type ProviderService = ReturnType<typeof provider>;
export default provider;
