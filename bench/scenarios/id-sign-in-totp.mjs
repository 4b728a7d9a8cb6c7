// One person with an authenticator app signing in to the portal through VixenHealth ID's forms:
// as scenarios/id-sign-in.mjs, with the second step between the password and the portal (the
// code computed from the app's secret at that moment, as the app shows it). Run by
// lib/scenario-worker.mjs; a fresh browser each time, so no remembered device.
import { createHash, randomBytes } from 'node:crypto';

import { Secret, TOTP } from 'otpauth';

import { Browser, readForm } from '@vixenhealth/tooling/lib/browser';

import { readAccessToken } from '../lib/id.mjs';

const REQUEST_TIMEOUT_MS = 10_000;
const CLIENT_ID = 'portal';
const CALLBACK = 'http://localhost:4321/auth/callback';
const SCOPE = 'openid email profile offline_access api';

/**
 * The fastest sign-ins/s any run may reach, for choosing accounts: each process starts at the
 * account `now × RATE`, so a later process (the measured run after the warm-up) never takes an
 * account an earlier one may still be using within the same 30-second step (a code is accepted
 * once per step and account).
 */
const ACCOUNTS_PER_SECOND = 50;

/**
 * @param {string} step
 * @param {import('@vixenhealth/tooling/lib/browser').Page} page
 * @param {(url: string) => boolean} expected
 */
const redirectOf = (step, page, expected) => {
  if (page.status < 300 || page.status > 399 || !page.location || !expected(page.location)) {
    const text = page.text
      .replace(/^[\s\S]*?<main[^>]*>/, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    throw new Error(`${step}: expected a redirect, got ${page.status}: ${text.slice(0, 200)}`);
  }
  return page.location;
};

/** @type {import('../lib/scenario.mjs').Scenario} */
export default async ({ url, options }) => {
  const issuer = `${url}/id`;
  /** @type {{ accounts: number, password: string, secret: string }} */
  const { accounts, password, secret } = options;
  const app = new TOTP({
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });
  let next = Math.floor((Date.now() / 1000) * ACCOUNTS_PER_SECOND);

  return async (step) => {
    const email = `totp-${next++ % accounts}@bench.vixenhealth.local`;
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

    const second = await step('POST /login', () =>
      browser.request(new URL(form.action, interaction).href, {
        form: { ...form.fields, email, password },
      })
    );
    if (second.status !== 200 || !second.text.includes('/second-step"')) {
      throw new Error(`POST /login: expected the second step, got ${second.status}`);
    }
    const { remember: _unticked, ...fields } = readForm(second.text, /\/second-step$/).fields;
    const action = new URL(readForm(second.text, /\/second-step$/).action, interaction).href;
    const submitted = await step('POST /second-step', () =>
      browser.request(action, { form: { ...fields, code: app.generate() } })
    );
    const resume = redirectOf('POST /second-step', submitted, (to) =>
      to.startsWith(`${issuer}/auth/`)
    );

    const resumed = await step('back to the portal', () => browser.request(resume));
    const callback = new URL(redirectOf('resume', resumed, (to) => to.startsWith(CALLBACK)));
    const code = callback.searchParams.get('code');
    if (!code || callback.searchParams.get('state') !== state) {
      throw new Error(`callback without a code or with another state: ${callback.search}`);
    }

    await step('code exchange', async () =>
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
          signal: AbortSignal.timeout(10_000),
        })
      )
    );
  };
};
