import { randomBytes, timingSafeEqual } from 'node:crypto';

import type { Context } from 'koa';

const COOKIE = 'vh_id_csrf';

/**
 * Double-submit CSRF protection for ID's forms: a random token in an httpOnly, SameSite cookie
 * that every form must also carry. Returns the token to embed.
 */
export const csrfToken = (ctx: Context, path: string): string => {
  const existing = ctx.cookies.get(COOKIE);
  if (existing && /^[A-Za-z0-9_-]{32,}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  ctx.cookies.set(COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path,
    secure: ctx.secure,
    signed: false,
  });
  return token;
};

/** True when the form's token matches the cookie's. */
export const isCsrfValid = (ctx: Context, submitted: unknown): boolean => {
  const expected = ctx.cookies.get(COOKIE);
  if (!expected || typeof submitted !== 'string' || submitted.length !== expected.length)
    return false;
  return timingSafeEqual(Buffer.from(submitted), Buffer.from(expected));
};
