import {
  listenLoopback,
  randomToken,
  readBody,
  s256,
  sendJson,
  type IssuedCode,
} from './oauth-server';
import type { LocalUpstream, UpstreamPerson } from './person';

/**
 * VK ID (id.vk.com) as its documentation describes it, on loopback: `GET /authorize` (OAuth
 * 2.1: PKCE required), whose redirect back carries `code`, `state`, `device_id`, `type=code_v2`
 * and `expires_in`; `POST /oauth2/auth` taking `grant_type`, `code`, `code_verifier`,
 * `client_id`, `device_id` (required: the one from the callback), `redirect_uri`, `state`, and
 * answering `access_token`, `refresh_token`, `id_token`, `user_id`, `state`, `scope`; and
 * `POST /oauth2/user_info` (`client_id`, `access_token`) answering `{ user: { user_id,
 * first_name, last_name, phone, avatar, email, sex, verified, birthday } }` — VK's own fields,
 * with no statement that the email was checked.
 */
export const startVkUpstream = async (): Promise<LocalUpstream> => {
  const clientId = String(50_000_000 + Math.floor(Math.random() * 1_000_000));
  const clientSecret = randomToken();
  const redirects = new Set<string>();
  const codes = new Map<string, IssuedCode & { deviceId: string }>();
  const tokens = new Map<string, UpstreamPerson>();
  let next: UpstreamPerson | null = null;

  const server = await listenLoopback(async (req, res, url) => {
    if (req.method === 'GET' && url.pathname === '/authorize') {
      const params = url.searchParams;
      const redirectUri = params.get('redirect_uri') ?? '';
      if (params.get('client_id') !== clientId || !redirects.has(redirectUri)) {
        return sendJson(res, 400, { error: 'invalid_client' });
      }
      const back = new URL(redirectUri);
      if (
        !params.get('code_challenge') ||
        params.get('code_challenge_method')?.toLowerCase() !== 's256' ||
        !next
      ) {
        back.searchParams.set('error', 'invalid_request');
        back.searchParams.set('state', params.get('state') ?? '');
      } else {
        const code = `vk2.a.${randomToken()}`;
        const deviceId = randomToken();
        codes.set(code, {
          person: next,
          redirectUri,
          challenge: params.get('code_challenge')!,
          params,
          deviceId,
        });
        back.search = new URLSearchParams({
          code,
          expires_in: '600',
          device_id: deviceId,
          state: params.get('state') ?? '',
          type: 'code_v2',
        }).toString();
      }
      res.writeHead(302, { location: back.href });
      return void res.end();
    }
    if (req.method === 'POST' && url.pathname === '/oauth2/auth') {
      const form = await readBody(req);
      if (form.get('client_id') !== clientId)
        return sendJson(res, 400, { error: 'invalid_client' });
      const issued = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (
        form.get('grant_type') !== 'authorization_code' ||
        !issued ||
        form.get('device_id') !== issued.deviceId ||
        form.get('redirect_uri') !== issued.redirectUri ||
        s256(form.get('code_verifier') ?? '') !== issued.challenge
      ) {
        return sendJson(res, 400, { error: 'invalid_grant', error_description: 'invalid code' });
      }
      const person = issued.person as UpstreamPerson;
      const token = `vk2.a.${randomToken()}`;
      tokens.set(token, person);
      return sendJson(res, 200, {
        refresh_token: `vk2.a.${randomToken()}`,
        access_token: token,
        id_token: `${randomToken()}.${randomToken()}.${randomToken()}`,
        token_type: 'Bearer',
        expires_in: 3600,
        user_id: Number(person.subject),
        state: form.get('state'),
        scope: 'vkid.personal_info email',
      });
    }
    if (req.method === 'POST' && url.pathname === '/oauth2/user_info') {
      const form = await readBody(req);
      const person = tokens.get(form.get('access_token') ?? '');
      if (form.get('client_id') !== clientId || !person) {
        return sendJson(res, 200, {
          error: 'invalid_token',
          error_description: 'access_token is missing or invalid',
        });
      }
      return sendJson(res, 200, {
        user: {
          user_id: person.subject,
          first_name: person.givenName,
          last_name: person.familyName,
          phone: '79991234567',
          avatar: 'https://sun1-1.userapi.com/impg/example.jpg',
          ...(person.email ? { email: person.email } : {}),
          sex: 1,
          verified: false,
          birthday: '01.01.1990',
        },
      });
    }
    sendJson(res, 404, { error: 'not_found' });
  });

  return {
    env: {
      ID_UPSTREAM_VK_CLIENT_ID: clientId,
      ID_UPSTREAM_VK_CLIENT_SECRET: clientSecret,
      ID_UPSTREAM_VK_URL: server.origin,
    },
    allowRedirect: (uri) => void redirects.add(uri),
    signInAs: (person) => void (next = person),
    stop: server.stop,
  };
};
