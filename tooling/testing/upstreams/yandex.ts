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
 * Yandex ID as its documentation describes it, on loopback: `GET /authorize` (Yandex OAuth,
 * PKCE S256 optional there, required here as ID always sends it), `POST /token`
 * (`client_id` + `client_secret` in the form, `code_verifier`), and Yandex ID's user info
 * `GET /info?format=json` with `Authorization: OAuth <token>`, answering `id`, `login`,
 * `client_id`, `default_email`, `emails`, `first_name`, `last_name`, `real_name`,
 * `display_name`, `psuid`. Yandex has no `email_verified`: it only hands out confirmed
 * addresses. One server plays both hosts (oauth.yandex.ru and login.yandex.ru).
 */
export const startYandexUpstream = async (): Promise<LocalUpstream> => {
  const clientId = randomToken();
  const clientSecret = randomToken();
  const redirects = new Set<string>();
  const codes = new Map<string, IssuedCode>();
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
        params.get('response_type') !== 'code' ||
        params.get('code_challenge_method') !== 'S256' ||
        !next
      ) {
        back.searchParams.set('error', 'invalid_request');
      } else {
        const code = String(Math.floor(Math.random() * 9_000_000) + 1_000_000);
        codes.set(code, {
          person: next,
          redirectUri,
          challenge: params.get('code_challenge')!,
          params,
        });
        back.searchParams.set('code', code);
      }
      back.searchParams.set('state', params.get('state') ?? '');
      res.writeHead(302, { location: back.href });
      return void res.end();
    }
    if (req.method === 'POST' && url.pathname === '/token') {
      const form = await readBody(req);
      if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
        return sendJson(res, 401, {
          error: 'invalid_client',
          error_description: 'Client not found',
        });
      }
      const issued = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (
        form.get('grant_type') !== 'authorization_code' ||
        !issued ||
        s256(form.get('code_verifier') ?? '') !== issued.challenge
      ) {
        return sendJson(res, 400, {
          error: 'invalid_grant',
          error_description: 'Code has expired',
        });
      }
      const token = `y0_${randomToken()}`;
      tokens.set(token, issued.person as UpstreamPerson);
      return sendJson(res, 200, {
        token_type: 'bearer',
        access_token: token,
        expires_in: 31_536_000,
        refresh_token: `1:${randomToken()}`,
      });
    }
    if (req.method === 'GET' && url.pathname === '/info') {
      const person = tokens.get(/^OAuth (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
      if (!person) return void (res.writeHead(401), res.end('invalid token'));
      const login = person.email?.split('@')[0] ?? `id${person.subject}`;
      return sendJson(res, 200, {
        id: person.subject,
        login,
        client_id: clientId,
        display_name: login,
        real_name: `${person.givenName} ${person.familyName}`,
        first_name: person.givenName,
        last_name: person.familyName,
        sex: 'female',
        ...(person.email ? { default_email: person.email, emails: [person.email] } : {}),
        psuid: `1.AAceCw.${randomToken()}`,
      });
    }
    sendJson(res, 404, { error: 'not_found' });
  });

  return {
    env: {
      ID_UPSTREAM_YANDEX_CLIENT_ID: clientId,
      ID_UPSTREAM_YANDEX_CLIENT_SECRET: clientSecret,
      ID_UPSTREAM_YANDEX_OAUTH_URL: server.origin,
      ID_UPSTREAM_YANDEX_LOGIN_URL: server.origin,
    },
    allowRedirect: (uri) => void redirects.add(uri),
    signInAs: (person) => void (next = person),
    stop: server.stop,
  };
};
