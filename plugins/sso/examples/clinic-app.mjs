// A clinic's own web app that signs people in with VixenHealth ID: authorization code + PKCE
// with openid-client, then the access token verified offline and used on the platform's API.
//
//   npm start                                   # the platform, with this example's client registered
//   node plugins/sso/examples/clinic-app.mjs    # then open http://localhost:4400
//
// Settings: ID_ISSUER (default http://localhost:1337/id), EXAMPLE_CLIENT_ID (clinic-app-example),
// EXAMPLE_PORT (4400), CMS_URL (the platform API, default: the issuer's origin).
import { randomBytes } from 'node:crypto';
import http from 'node:http';

import * as client from 'openid-client';

const issuer = process.env.ID_ISSUER || 'http://localhost:1337/id';
const clientId = process.env.EXAMPLE_CLIENT_ID || 'clinic-app-example';
const port = Number(process.env.EXAMPLE_PORT || 4400);
const appUrl = `http://localhost:${port}`;
const cmsUrl = process.env.CMS_URL || new URL(issuer).origin;
const redirectUri = `${appUrl}/auth/callback`;

// Plain http is for a local demo only: real deployments use https, and openid-client insists.
const config = await client.discovery(new URL(issuer), clientId, undefined, client.None(), {
  execute: issuer.startsWith('http:') ? [client.allowInsecureRequests] : [],
});

/** @typedef {import('node:http').IncomingMessage} Request */
/** @typedef {import('node:http').ServerResponse} Response */
/** @typedef {{ verifier: string, state: string, tokens?: Awaited<ReturnType<typeof client.authorizationCodeGrant>> }} Session */

/** Sign-in state and tokens per browser, in memory: enough for an example. @type {Map<string, Session>} */
const sessions = new Map();

/** @param {unknown} text */
const escape = (text) => String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** @param {Request} request */
const sessionOf = (request) => {
  const sid = /(?:^|;\s*)sid=([\w-]+)/.exec(request.headers.cookie ?? '')?.[1];
  return sid ? sessions.get(sid) : undefined;
};

/** @param {Response} response @param {string} body */
const page = (response, body) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(
    `<!doctype html><html lang="ru"><meta charset="utf-8"><title>Клиника</title><main>${body}</main></html>`
  );
};

/** @param {Response} response @param {string} location @param {Record<string, string>} [headers] */
const redirect = (response, location, headers = {}) => {
  response.writeHead(302, { location, ...headers });
  response.end();
};

/** @type {Record<string, (request: Request, response: Response) => Promise<void>>} */
const routes = {
  async '/'(request, response) {
    const session = sessionOf(request);
    if (!session?.tokens)
      return page(response, '<p><a href="/login">Войти через VixenHealth ID</a></p>');
    const claims = session.tokens.claims();
    // The access token works on the platform's API: here, the signed-in user's own record.
    const me = await fetch(`${cmsUrl}/api/users/me`, {
      headers: { authorization: `Bearer ${session.tokens.access_token}` },
    });
    const user = me.ok ? await me.json() : null;
    return page(
      response,
      `<p>Вы вошли как <strong id="email">${escape(claims?.email)}</strong>.</p>
       <p>API платформы: <span id="api">${user ? escape(user.username) : `ошибка ${me.status}`}</span></p>
       <p><a href="/logout">Выйти</a></p>`
    );
  },

  async '/login'(_request, response) {
    const sid = randomBytes(16).toString('base64url');
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    sessions.set(sid, { verifier, state });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile api',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
    });
    redirect(response, url.href, { 'set-cookie': `sid=${sid}; HttpOnly; SameSite=Lax; Path=/` });
  },

  async '/auth/callback'(request, response) {
    const session = sessionOf(request);
    if (!session) return redirect(response, '/');
    session.tokens = await client.authorizationCodeGrant(
      config,
      new URL(request.url ?? '/', appUrl),
      {
        pkceCodeVerifier: session.verifier,
        expectedState: session.state,
      }
    );
    redirect(response, '/');
  },

  async '/logout'(request, response) {
    const session = sessionOf(request);
    if (!session?.tokens) return redirect(response, '/');
    const url = client.buildEndSessionUrl(config, {
      id_token_hint: session.tokens.id_token ?? '',
      post_logout_redirect_uri: `${appUrl}/`,
    });
    session.tokens = undefined;
    redirect(response, url.href);
  },
};

const server = http.createServer((request, response) => {
  const route = routes[new URL(request.url ?? '/', appUrl).pathname];
  if (!route) {
    response.writeHead(404).end('Not found');
    return;
  }
  route(request, response).catch((error) => {
    response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(`Sign-in failed: ${error.message}`);
  });
});
server.listen(port, '127.0.0.1', () => console.log(`Example clinic app at ${appUrl}`));
