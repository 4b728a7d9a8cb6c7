import * as client from 'openid-client';

import { Browser, readForm } from '../lib/browser.mjs';

export const PORTAL_CALLBACK = 'http://localhost:4321/auth/callback';

/** openid-client, the reference relying party, configured for a client of our test ID. */
export const discover = (issuer: string, clientId: string, secret?: string) =>
  client.discovery(
    new URL(issuer),
    clientId,
    secret ? { client_secret: secret } : undefined,
    secret ? client.ClientSecretBasic(secret) : client.None(),
    { execute: [client.allowInsecureRequests] }
  );

/**
 * Signs in through the real form: starts an authorization code + PKCE request, submits the
 * sign-in form, and returns the callback URL the browser lands on (not requested: no site runs
 * there in tests) with what is needed to redeem it.
 */
export const signInThroughForm = async (
  config: client.Configuration,
  credentials: { email: string; password: string },
  options: {
    scope?: string;
    browser?: Browser;
    redirectUri?: string;
    /** Typed into the second step when ID asks for one (a code from the app, or a recovery code). */
    secondFactorCode?: string;
    /** Ticks "remember this device" on the second step. */
    rememberDevice?: boolean;
  } = {}
) => {
  const browser = options.browser ?? new Browser();
  const redirectUri = options.redirectUri ?? PORTAL_CALLBACK;
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const authorizationUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: options.scope ?? 'openid email profile offline_access api',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
  });
  const isCallback = (url: string) => url.startsWith(redirectUri);
  const start = await browser.follow(authorizationUrl.href, isCallback);
  if (!start.page)
    return { callback: new URL(start.url), verifier, state, browser, signInPage: null };
  const form = readForm(start.page.text, /\/login$/);
  const submitted = await browser.request(new URL(form.action, start.url).href, {
    form: { ...form.fields, email: credentials.email, password: credentials.password },
  });
  let answer = submitted;
  const waitsForCode = !answer.location && /\/second-step"/.test(answer.text);
  if (waitsForCode && options.secondFactorCode !== undefined) {
    const step = readForm(answer.text, /\/second-step$/);
    answer = await browser.request(new URL(step.action, start.url).href, {
      // The checkbox is sent only when ticked, as a browser does.
      form: Object.fromEntries(
        Object.entries({ ...step.fields, code: options.secondFactorCode }).filter(
          ([name]) => name !== 'remember' || options.rememberDevice
        )
      ),
    });
  }
  if (!answer.location) {
    return { callback: null, verifier, state, browser, signInPage: answer };
  }
  const end = await browser.follow(answer.location, isCallback);
  return {
    callback: end.page ? null : new URL(end.url),
    verifier,
    state,
    browser,
    signInPage: end.page,
  };
};
