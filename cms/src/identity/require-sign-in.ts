import type { Context, Next } from 'koa';

interface SignedInArea {
  prefix: string;
  /** What anyone may call there; everything else needs a signed-in person. */
  anonymous: { method: string; path: RegExp }[];
}

const AREAS: SignedInArea[] = [
  {
    prefix: '/api/reviews',
    anonymous: [
      { method: 'GET', path: /^\/api\/reviews\/?$/ },
      { method: 'GET', path: /^\/api\/reviews\/summary\/?$/ },
      { method: 'POST', path: /^\/api\/reviews\/advice\/?$/ },
      { method: 'GET', path: /^\/api\/reviews\/(?!mine(?:\/|$))[^/]+\/?$/ },
    ],
  },
  // The clinic owner's cabinet: all of it is for the people who run clinics.
  { prefix: '/api/cabinet', anonymous: [] },
];

/**
 * Answers 401 (sign in), not 403, to a request without credentials for an action that needs
 * them: Strapi would treat it as the public role and refuse with 403, which tells a client to
 * give up rather than to sign in.
 */
export const requireSignIn = async (ctx: Context, next: Next) => {
  const area = AREAS.find((candidate) => ctx.path.startsWith(candidate.prefix));
  if (
    area &&
    !ctx.get('authorization') &&
    !area.anonymous.some((rule) => rule.method === ctx.method && rule.path.test(ctx.path))
  ) {
    ctx.status = 401;
    ctx.body = {
      data: null,
      error: {
        status: 401,
        name: 'UnauthorizedError',
        message: 'Sign in with VixenHealth ID to do this',
        details: {},
      },
    };
    return undefined;
  }
  return next();
};
