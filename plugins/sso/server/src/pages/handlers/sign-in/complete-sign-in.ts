import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';

import type { Account } from '../../../services/accounts';
import { finishInteraction } from './finish-interaction';

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
 */
export const completeSignIn = async (
  _strapi: Core.Strapi,
  ctx: Context,
  provider: Provider,
  proof: SignInProof
) =>
  finishInteraction(ctx, provider, {
    login: { accountId: proof.account.documentId, amr: proof.methods },
  });
