import type { UpstreamSettings } from './config';
import { callbackParameter, postForm } from './http';
import { oauthAuthorizationUrl } from './oauth-authorization';
import { UpstreamError, text, type Upstream } from './profile';

/**
 * VK ID (`id.vk.com`): OAuth 2.1 with PKCE S256. The callback brings `code`, `state` and a
 * `device_id` that the token endpoint (`POST /oauth2/auth`) requires back; the person comes from
 * `POST /oauth2/user_info` as `{ user: { user_id, first_name, last_name, email, phone, avatar,
 * verified, ... } }`. VK documents no check of the email it returns (and `verified` is about
 * the VK profile, not the address), so a VK email is never treated as verified.
 */
export const vkUpstream = (settings: UpstreamSettings): Upstream => {
  const base = settings.vkUrl!.replace(/\/$/, '');
  return {
    id: settings.id,
    label: settings.label,
    async authorizationUrl(flow) {
      return oauthAuthorizationUrl(`${base}/authorize`, settings.clientId, flow, {
        scope: 'email',
        challengeMethod: 's256',
      });
    },
    async profile(callback, flow) {
      const code = callbackParameter(callback, 'code');
      const deviceId = callbackParameter(callback, 'device_id');
      const tokens = await postForm(
        `${base}/oauth2/auth`,
        {
          grant_type: 'authorization_code',
          code,
          code_verifier: flow.codeVerifier,
          client_id: settings.clientId,
          device_id: deviceId,
          redirect_uri: flow.redirectUri,
          state: flow.state,
        },
        'ERR_UPSTREAM_TOKEN'
      );
      const token = text(tokens.access_token);
      if (!token) throw new UpstreamError('ERR_UPSTREAM_TOKEN', 'No access token');
      const info = await postForm(
        `${base}/oauth2/user_info`,
        { client_id: settings.clientId, access_token: token },
        'ERR_UPSTREAM_PROFILE'
      );
      const user = (info.user ?? {}) as Record<string, unknown>;
      const subject = text(typeof user.user_id === 'number' ? String(user.user_id) : user.user_id);
      if (!subject) throw new UpstreamError('ERR_UPSTREAM_PROFILE', 'No VK user id');
      return {
        provider: settings.id,
        subject,
        email: text(user.email)?.toLowerCase() ?? null,
        emailVerified: false,
        givenName: text(user.first_name),
        familyName: text(user.last_name),
      };
    },
  };
};
