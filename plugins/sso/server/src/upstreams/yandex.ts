import type { UpstreamSettings } from './config';
import { callbackParameter, fetchJson, postForm } from './http';
import { oauthAuthorizationUrl } from './oauth-authorization';
import { UpstreamError, text, type Upstream } from './profile';

/**
 * Yandex ID: OAuth 2.0, not OpenID Connect. `oauth.yandex.ru/authorize` (with PKCE S256), the
 * code redeemed at `oauth.yandex.ru/token`, then the person from
 * `GET login.yandex.ru/info?format=json` with `Authorization: OAuth <token>`: `id` (stable),
 * `login`, `default_email`, `emails`, `first_name`, `last_name`, `psuid`. Yandex only hands
 * out addresses its users have confirmed, so `default_email` counts as verified.
 */
export const yandexUpstream = (settings: UpstreamSettings): Upstream => {
  const oauth = settings.oauthUrl!.replace(/\/$/, '');
  const login = settings.loginUrl!.replace(/\/$/, '');
  return {
    id: settings.id,
    label: settings.label,
    async authorizationUrl(flow) {
      return oauthAuthorizationUrl(`${oauth}/authorize`, settings.clientId, flow, {
        scope: 'login:email login:info',
      });
    },
    async profile(callback, flow) {
      const code = callbackParameter(callback, 'code');
      const tokens = await postForm(
        `${oauth}/token`,
        {
          grant_type: 'authorization_code',
          code,
          client_id: settings.clientId,
          client_secret: settings.clientSecret,
          code_verifier: flow.codeVerifier,
        },
        'ERR_UPSTREAM_TOKEN'
      );
      const token = text(tokens.access_token);
      if (!token) throw new UpstreamError('ERR_UPSTREAM_TOKEN', 'No access token');
      const info = await fetchJson(
        `${login}/info?format=json`,
        { headers: { Authorization: `OAuth ${token}`, accept: 'application/json' } },
        'ERR_UPSTREAM_PROFILE'
      );
      const subject = text(typeof info.id === 'number' ? String(info.id) : info.id);
      if (!subject) throw new UpstreamError('ERR_UPSTREAM_PROFILE', 'No Yandex id');
      const email = text(info.default_email)?.toLowerCase() ?? null;
      return {
        provider: settings.id,
        subject,
        email,
        emailVerified: email !== null,
        givenName: text(info.first_name),
        familyName: text(info.last_name),
      };
    },
  };
};
