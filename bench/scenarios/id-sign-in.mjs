// One person signing in to the portal through VixenHealth ID's form, as a browser does: the
// authorization request (code + PKCE), the sign-in page, the form posted (the password checked:
// the KDF), back to the portal with a code, and the portal redeeming it. Run by
// lib/scenario-worker.mjs; a fresh browser (no cookies, no session) each time.
import { redirectOf, signInToPortal } from '../lib/portal-sign-in.mjs';

/** @type {import('../lib/scenario.mjs').Scenario} */
export default async ({ url, options }) => {
  const issuer = `${url}/id`;
  /** @type {{ emails: string[], password: string }} */
  const { emails, password } = options;
  let next = 0;

  return async (step) => {
    const email = emails[next++ % emails.length];
    await signInToPortal(issuer, step, async (browser, form) => {
      const submitted = await step('POST /login', () =>
        browser.request(form.url, { form: { ...form.fields, email, password } })
      );
      return redirectOf('POST /login', submitted, (to) => to.startsWith(`${issuer}/auth/`));
    });
  };
};
