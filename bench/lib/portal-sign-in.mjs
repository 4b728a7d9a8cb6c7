// The portal's side of a sign-in through VixenHealth ID's forms, as a browser and the portal's
// server do it, for the sign-in scenarios: the authorization request (code + PKCE), the sign-in
// page, and, once ID has let the person in, back to the portal with a code that it redeems.
import { createHash, randomBytes } from 'node:crypto';

import { Browser, readForm } from '@vixenhealth/tooling/lib/browser';
import { withDeadline } from '@vixenhealth/tooling/lib/deadline';

import { readAccessToken } from './id.mjs';

/** How long one request of a scenario may take: every wait of an iteration is bounded. */
const REQUEST_TIMEOUT_MS = 10_000;

/** The portal: a public client of ID, registered by the CMS at every start. */
const CLIENT_ID = 'portal';
const CALLBACK = 'http://localhost:4321/auth/callback';
const SCOPE = 'openid email profile offline_access api';

/**
 * Throws unless `page` redirects to a URL that `expected` matches; returns that URL.
 * @param {string} step
 * @param {import('@vixenhealth/tooling/lib/browser').Page} page
 * @param {(url: string) => boolean} expected
 */
export const redirectOf = (step, page, expected) => {
  if (page.status < 300 || page.status > 399 || !page.location || !expected(page.location)) {
    // The page's main text, where it says why (an error message on the sign-in page).
    const text = page.text
      .replace(/^[\s\S]*?<main[^>]*>/, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    throw new Error(`${step}: expected a redirect, got ${page.status}: ${text.slice(0, 200)}`);
  }
  return page.location;
};

/**
 * One sign-in to the portal in a fresh browser (no cookies, no session): `authorize` and
 * `sign-in page` are timed steps; `signIn` does the person's part on ID's pages and answers the
 * URL ID sends the browser back to; then `back to the portal` and `code exchange`.
 * @param {string} issuer
 * @param {import('./scenario.mjs').Step} step
 * @param {(browser: Browser, form: { url: string, fields: Record<string, string> }) => Promise<string>} signIn
 */
export const signInToPortal = async (issuer, step, signIn) => {
  const browser = new Browser('en', { timeoutMs: REQUEST_TIMEOUT_MS });
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const authorization = `${issuer}/auth?${new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: CALLBACK,
    scope: SCOPE,
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  })}`;

  const started = await step('authorize', () => browser.request(authorization));
  const interaction = redirectOf('authorize', started, (to) => to.includes('/interaction/'));

  const page = await step('sign-in page', () => browser.request(interaction));
  if (page.status !== 200) throw new Error(`sign-in page: expected 200, got ${page.status}`);
  const form = readForm(page.text, /\/login$/);
  const resume = await signIn(browser, {
    url: new URL(form.action, interaction).href,
    fields: form.fields,
  });

  const resumed = await step('back to the portal', () => browser.request(resume));
  const callback = new URL(redirectOf('resume', resumed, (to) => to.startsWith(CALLBACK)));
  const code = callback.searchParams.get('code');
  if (!code || callback.searchParams.get('state') !== state) {
    throw new Error(`callback without a code or with another state: ${callback.search}`);
  }

  await step('code exchange', () =>
    withDeadline(REQUEST_TIMEOUT_MS, async (signal) =>
      readAccessToken(
        await fetch(`${issuer}/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            code,
            redirect_uri: CALLBACK,
            client_id: CLIENT_ID,
            code_verifier: verifier,
          }).toString(),
          signal,
        })
      )
    )
  );
};
