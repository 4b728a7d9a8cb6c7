import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';

import type { AccountPaths } from './paths';
import type { SignedIn } from './signed-in';

/** What every handler of the account pages shares. */
export interface AccountFeature {
  strapi: Core.Strapi;
  /** The issuer's path, e.g. `/id`. */
  base: string;
  paths: AccountPaths;
}

export type SignedInHandler = (
  ctx: Context,
  provider: Provider,
  signedIn: SignedIn
) => Promise<void>;

export type SignedInFormHandler = (
  ctx: Context,
  provider: Provider,
  signedIn: SignedIn,
  form: Record<string, string>
) => Promise<void>;
