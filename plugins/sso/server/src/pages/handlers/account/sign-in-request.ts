import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

import type { Context } from 'koa';

import { ACCOUNT_CLIENT_ID, accountCallbackUrl } from './client';

const COOKIE = 'vh_id_account_signin';
/** Long enough to sign in, even slowly; a sign-in left longer starts again. */
const MAX_AGE_MS = 15 * 60 * 1000;

/** What the callback needs to finish a sign-in this browser started. */
export interface PendingSignIn {
  state: string;
  verifier: string;
  /** The account page to go back to. */
  returnTo: string;
}

const cookieOptions = (ctx: Context, path: string) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  path,
  secure: ctx.secure,
  // Signed with the CMS's app keys: the page to return to must not be planted by anyone else.
  signed: true,
  overwrite: true,
});

/** Only our own account pages (never the callback itself) may be returned to. */
const isAccountPage = (target: string, cookiePath: string) =>
  (target === cookiePath || target.startsWith(`${cookiePath}?`)) && !/[\\\s]/.test(target);

/**
 * Starts a real authorization request for the account pages' own client (code + PKCE S256),
 * keeping its state, verifier and the page to come back to in a short-lived cookie.
 */
export const startSignIn = (
  ctx: Context,
  options: { issuer: string; cookiePath: string; returnTo: string }
) => {
  const pending: PendingSignIn = {
    state: randomBytes(16).toString('base64url'),
    verifier: randomBytes(32).toString('base64url'),
    returnTo: isAccountPage(options.returnTo, options.cookiePath)
      ? options.returnTo
      : options.cookiePath,
  };
  ctx.cookies.set(COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
    ...cookieOptions(ctx, options.cookiePath),
    maxAge: MAX_AGE_MS,
  });
  const authorization = new URL(`${options.issuer.replace(/\/$/, '')}/auth`);
  authorization.search = new URLSearchParams({
    client_id: ACCOUNT_CLIENT_ID,
    response_type: 'code',
    scope: 'openid',
    redirect_uri: accountCallbackUrl(options.issuer),
    state: pending.state,
    code_challenge: createHash('sha256').update(pending.verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  ctx.set('Cache-Control', 'no-store');
  ctx.status = 303;
  ctx.redirect(authorization.href);
};

/**
 * The sign-in this browser started, if `state` is its own; the cookie is used up either way, so
 * a callback URL cannot be replayed.
 */
export const takePendingSignIn = (
  ctx: Context,
  cookiePath: string,
  state: unknown
): PendingSignIn | null => {
  const raw = ctx.cookies.get(COOKIE, { signed: true });
  ctx.cookies.set(COOKIE, null, cookieOptions(ctx, cookiePath));
  if (!raw || typeof state !== 'string') return null;
  let pending: Partial<PendingSignIn>;
  try {
    pending = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<PendingSignIn>;
  } catch {
    return null;
  }
  const { state: expected, verifier, returnTo } = pending;
  if (typeof expected !== 'string' || typeof verifier !== 'string') return null;
  if (typeof returnTo !== 'string' || !isAccountPage(returnTo, cookiePath)) return null;
  const [a, b] = [Buffer.from(expected), Buffer.from(state)];
  return a.length === b.length && timingSafeEqual(a, b)
    ? { state: expected, verifier, returnTo }
    : null;
};
