import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';

import { secondStepFor } from '../../../second-factor/second-step';
import type { Account } from '../../../services/accounts';
import { getConfig, mountPath } from '../../../utils';
import { logIn } from './log-in';
import { beginSecondStep, DEVICE_COOKIE } from './second-step';

/**
 * How a person proved who they are, as the ID token's `amr` names it (RFC 8176): `pwd` a
 * password, `otp` a one-time code, `hwk`/`swk` a passkey, `fed` an upstream provider.
 */
export type AuthenticationMethod = 'pwd' | 'otp' | 'hwk' | 'swk' | 'fed' | 'mfa' | 'user';

/** What a first sign-in step established: whose account, and how. */
export interface SignInProof {
  account: Account;
  methods: AuthenticationMethod[];
}

/**
 * Where every way of signing in (password, upstream provider, …) ends: the single place that
 * decides whether the person is now signed in, so a rule added here holds for all of them.
 * A password alone is followed by the second step when the account has a second factor (or
 * must have one: staff), unless this browser was remembered after passing it.
 */
export const completeSignIn = async (
  strapi: Core.Strapi,
  ctx: Context,
  provider: Provider,
  proof: SignInProof
) => {
  const step = await secondStepFor(
    strapi,
    proof.account,
    proof.methods,
    ctx.cookies.get(DEVICE_COOKIE)
  );
  if (step === 'verify' || step === 'enrol') {
    const base = mountPath(getConfig(strapi));
    return beginSecondStep(strapi, ctx, provider, base, proof, step);
  }
  // A remembered browser stands for the second factor it passed (documented in the README).
  const methods: string[] = step === 'remembered' ? [...proof.methods, 'mfa'] : proof.methods;
  return logIn(ctx, provider, proof.account.documentId, methods);
};
