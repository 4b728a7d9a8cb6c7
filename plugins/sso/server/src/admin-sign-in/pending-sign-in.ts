import { timingSafeEqual } from 'node:crypto';

import type { Context } from 'koa';
import * as client from 'openid-client';

import { CALLBACK_PATH } from './paths';

const COOKIE = 'vh_admin_id_signin';
/** Long enough to sign in (with a second factor), even slowly; then start again. */
const MAX_AGE_MS = 15 * 60 * 1000;

/** What the callback needs to check that this browser started the sign-in it finishes. */
export interface PendingAdminSignIn {
  state: string;
  nonce: string;
  verifier: string;
}

const cookieOptions = (ctx: Context) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  // Sent to the callback only.
  path: CALLBACK_PATH,
  secure: ctx.secure,
  // Signed with the CMS's app keys, so nobody can plant a verifier of their own.
  signed: true,
  overwrite: true,
});

/** A fresh state, nonce and PKCE verifier, kept in a short-lived cookie. */
export const rememberPendingSignIn = (ctx: Context): PendingAdminSignIn => {
  const pending: PendingAdminSignIn = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
  };
  ctx.cookies.set(COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
    ...cookieOptions(ctx),
    maxAge: MAX_AGE_MS,
  });
  return pending;
};

const sameString = (a: string, b: string) => {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The sign-in this browser started, when `state` is its own. The cookie is used up either way,
 * so a callback URL cannot be replayed.
 */
export const takePendingSignIn = (ctx: Context, state: unknown): PendingAdminSignIn | null => {
  const raw = ctx.cookies.get(COOKIE, { signed: true });
  ctx.cookies.set(COOKIE, null, cookieOptions(ctx));
  if (!raw || typeof state !== 'string') return null;
  let pending: Partial<PendingAdminSignIn>;
  try {
    pending = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const { state: expected, nonce, verifier } = pending;
  if (typeof expected !== 'string' || typeof nonce !== 'string' || typeof verifier !== 'string') {
    return null;
  }
  return sameString(expected, state) ? { state: expected, nonce, verifier } : null;
};
