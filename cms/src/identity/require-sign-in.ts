import type { Context, Next } from 'koa';

import { cabinetRoutes } from '../api/cabinet/routes/cabinet';
import { reviewRoutes } from '../api/review/routes/review';
import type { DeclaredRoute, DeclaredRoutes } from '../routes/declared-route';
import { contentApiPathPattern } from '../routes/route-pattern';

interface SignedInArea {
  /** Everything under it needs a signed-in person, except the public routes declared there. */
  prefix: string;
  /** The area's routes, in the order Strapi's router tries them. */
  routes: { method: string; path: RegExp; access: DeclaredRoute['access'] }[];
}

/** One routes file's area: the first segment all its paths share (`/api/reviews`). */
const areaOf = ({ routes }: DeclaredRoutes): SignedInArea => ({
  prefix: `/api/${routes[0].path.split('/')[1]}`,
  routes: routes.map(({ method, path, access }) => ({
    method,
    path: contentApiPathPattern(path),
    access,
  })),
});

const AREAS = [reviewRoutes, cabinetRoutes].map(areaOf);

/** Whether the route the router would pick for this request is public. */
const isPublic = (area: SignedInArea, ctx: Context) =>
  area.routes.find((route) => route.method === ctx.method && route.path.test(ctx.path))?.access ===
  'public';

/**
 * Answers 401 (sign in), not 403, to a request without credentials for an action that needs
 * them: Strapi would treat it as the public role and refuse with 403, which tells a client to
 * give up rather than to sign in.
 */
export const requireSignIn = async (ctx: Context, next: Next) => {
  const area = AREAS.find((candidate) => ctx.path.startsWith(candidate.prefix));
  if (area && !ctx.get('authorization') && !isPublic(area, ctx)) {
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
