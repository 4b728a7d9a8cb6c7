// One person with an authenticator app signing in to the portal through VixenHealth ID's forms:
// as scenarios/id-sign-in.mjs, with the second step between the password and the portal (the
// code computed from the app's secret at that moment, as the app shows it). Run by
// lib/scenario-worker.mjs; a fresh browser each time, so no remembered device.
import { Secret, TOTP } from 'otpauth';

import { readForm } from '@vixenhealth/tooling/lib/browser';

import { redirectOf, signInToPortal } from '../lib/portal-sign-in.mjs';

/**
 * The fastest sign-ins/s any run may reach, for choosing accounts: each process starts at the
 * account `now × RATE`, so a later process (the measured run after the warm-up) never takes an
 * account an earlier one may still be using within the same 30-second step (a code is accepted
 * once per step and account).
 */
const ACCOUNTS_PER_SECOND = 50;

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
    await signInToPortal(issuer, step, async (browser, form) => {
      const second = await step('POST /login', () =>
        browser.request(form.url, { form: { ...form.fields, email, password } })
      );
      if (second.status !== 200 || !second.text.includes('/second-step"')) {
        throw new Error(`POST /login: expected the second step, got ${second.status}`);
      }
      const secondStep = readForm(second.text, /\/second-step$/);
      const { remember: _unticked, ...fields } = secondStep.fields;
      const submitted = await step('POST /second-step', () =>
        browser.request(new URL(secondStep.action, form.url).href, {
          form: { ...fields, code: app.generate() },
        })
      );
      return redirectOf('POST /second-step', submitted, (to) => to.startsWith(`${issuer}/auth/`));
    });
  };
};
