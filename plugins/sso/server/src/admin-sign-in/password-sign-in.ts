import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

import { ADMIN_USER } from '../content-types/uids';
import { getConfig } from '../utils';

/** Said to anyone who may not use a password here, in both of the panel's languages. */
const USE_ID =
  'Вход по паролю отключён: войдите через VixenHealth ID. / Password sign-in is turned off: sign in with VixenHealth ID.';

type Lookup = (strapi: Core.Strapi, body: Record<string, unknown>) => Promise<number | null>;

const adminIdWhere = async (strapi: Core.Strapi, where: Record<string, unknown>) => {
  const user: { id: number } | null = await strapi.db
    .query(ADMIN_USER)
    .findOne({ where, select: ['id'] });
  return user?.id ?? null;
};

/**
 * The admin routes that end in a session from a password, and whose account each is about:
 * `/login` (email), `/reset-password` (the emailed token: it signs in too), and `/register`
 * (an invitation: never the first admin, who is created by `/register-admin`, left alone since
 * it only works while there is no admin at all).
 */
const GUARDED: Record<string, Lookup> = {
  '/login': (strapi, body) =>
    typeof body.email === 'string'
      ? adminIdWhere(strapi, { email: body.email.toLowerCase() })
      : Promise.resolve(null),
  '/reset-password': (strapi, body) =>
    typeof body.resetPasswordToken === 'string' && body.resetPasswordToken
      ? adminIdWhere(strapi, { resetPasswordToken: body.resetPasswordToken })
      : Promise.resolve(null),
  '/register': () => Promise.resolve(null),
};

/** Strapi's own error shape (as its errors middleware writes it), so the login form shows it. */
const refuse = (ctx: Context) => {
  ctx.status = 403;
  ctx.body = {
    data: null,
    error: {
      status: 403,
      name: 'ForbiddenError',
      message: USE_ID,
      details: { code: 'PASSWORD_SIGN_IN_DISABLED' },
    },
  };
};

/**
 * `ADMIN_PASSWORD_SIGN_IN`: `on` lets everyone use a password, `off` no one, and `first-admin`
 * (the default) only the first super admin, the break-glass account for when ID is down.
 * Answers as Strapi does (403 JSON, ForbiddenError) before the password is even checked, so it
 * tells nothing about whether it was right.
 */
const passwordGuard = (strapi: Core.Strapi, lookup: Lookup) => async (ctx: Context, next: Next) => {
  const mode = getConfig(strapi).adminPasswordSignIn;
  if (mode === 'on') return next();
  if (mode === 'first-admin') {
    const body = (ctx.request as { body?: unknown }).body;
    const adminId = await lookup(strapi, body && typeof body === 'object' ? (body as never) : {});
    if (adminId !== null && (await strapi.service('admin::user').isFirstSuperAdminUser(adminId))) {
      return next();
    }
  }
  refuse(ctx);
};

interface AdminRoute {
  method: string;
  path: string;
  config?: { middlewares?: unknown[] };
}

/**
 * Puts the guard in front of Strapi's own password routes (as a route middleware, so the body
 * is parsed and the admin rate limit runs first). Called in `register`, before Strapi mounts the
 * admin routes.
 */
export const guardAdminPasswordRoutes = (strapi: Core.Strapi) => {
  const routers = Object.values(
    (strapi.admin as unknown as { routes: Record<string, { routes?: AdminRoute[] }> }).routes
  );
  for (const route of routers.flatMap((router) => router.routes ?? [])) {
    const lookup = GUARDED[route.path];
    if (route.method !== 'POST' || !lookup) continue;
    route.config = {
      ...route.config,
      middlewares: [...(route.config?.middlewares ?? []), passwordGuard(strapi, lookup)],
    };
  }
};
