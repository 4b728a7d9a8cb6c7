// A service of the platform checking VixenHealth ID access tokens offline, with the verifier of
// plugins/sso (signature, claims, audience): one verification per iteration. Run by
// lib/scenario-worker.mjs.
import { createRequire } from 'node:module';

/**
 * The part of `@vixenhealth/sso/verify` used here; loaded from the plugin's build, which the CMS
 * target makes, so that type-checking the benchmark does not need that build.
 * @typedef {{ verify(token: string): Promise<unknown> }} AccessTokenVerifier
 * @typedef {{ createAccessTokenVerifier(options: object): AccessTokenVerifier }} VerifyModule
 */
const VERIFY_MODULE = '../../plugins/sso/dist/verify/src/index.js';

/**
 * Verified before the iterations, in this process (each run has its own): the keys are fetched
 * from ID and cached, and the code is compiled, so that the run measures offline verification.
 */
const WARM_UP = 2_000;

/** @type {import('../lib/scenario.mjs').Scenario} */
export default async ({ options }) => {
  /** @type {{ issuer: string, audience: string, tokens: string[] }} */
  const { issuer, audience, tokens } = options;
  /** @type {VerifyModule} */
  const { createAccessTokenVerifier } = createRequire(import.meta.url)(VERIFY_MODULE);
  const verifier = createAccessTokenVerifier({ issuer, audience });
  let next = 0;
  for (let i = 0; i < WARM_UP; i += 1) await verifier.verify(tokens[next++ % tokens.length]);

  return async () => {
    await verifier.verify(tokens[next++ % tokens.length]);
  };
};
