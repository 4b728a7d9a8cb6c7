import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type Provider from 'oidc-provider';

import type { ActiveImpersonation } from '../../../impersonation/impersonations';
import type { Account } from '../../../services/accounts';
import { getService } from '../../../utils';

export type ProviderSession = Awaited<ReturnType<Provider['Session']['get']>>;

/** Who is signed in to ID in this browser, and the oidc-provider session that says so. */
export interface SignedIn {
  account: Account;
  session: ProviderSession;
  /** Staff acting as this person (support's impersonation), or null in their own session. */
  impersonation: ActiveImpersonation | null;
}

/** oidc-provider's cookie names are configuration, not part of its typed API. */
const sessionCookieName = (provider: Provider) =>
  (provider as Provider & { cookieName(type: 'session'): string }).cookieName('session');

/**
 * Reads the browser's ID session with oidc-provider's own `Session.get`, which checks the
 * cookie's signature with the provider's cookie keys and ignores sessions that expired or were
 * ended. Null when nobody is signed in, or the account is gone or blocked.
 */
export const signedInAccount = async (
  strapi: Core.Strapi,
  provider: Provider,
  ctx: Context
): Promise<SignedIn | null> => {
  const session = await provider.Session.get(ctx);
  if (!session.accountId) return null;
  const account = await getService(strapi, 'accounts').findBySubject(session.accountId);
  if (!account || account.blocked) return null;
  const impersonations = getService(strapi, 'impersonations');
  const impersonation = await impersonations.activeForSession(session.uid);
  // An impersonation that ended leaves no session behind, even one this read raced with.
  if (!impersonation && (await impersonations.sessionDeadline(session.uid))) return null;
  return { account, session, impersonation };
};

/** The grants this session holds, one per application signed in to with it. */
export const grantIdsOf = (session: ProviderSession): string[] =>
  Object.values(session.authorizations ?? {})
    .map((authorization) => authorization.grantId)
    .filter((grantId): grantId is string => typeof grantId === 'string');

/** Makes the browser forget its ID session (the records are ended separately). */
export const forgetSession = (ctx: Context, provider: Provider) => {
  const name = sessionCookieName(provider);
  for (const cookie of [name, `${name}.sig`]) {
    ctx.cookies.set(cookie, null, { path: '/', httpOnly: true, signed: false, secure: ctx.secure });
  }
};
