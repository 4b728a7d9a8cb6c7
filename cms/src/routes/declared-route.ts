import type { Core } from '@strapi/strapi';

/** Who may call a Content API route: anyone, or a signed-in person (`authenticated` role). */
export type RouteAccess = 'public' | 'signed-in';

/**
 * One Content API route, declared once: Strapi's router, the `authenticated` and `public` roles'
 * permissions (public-content/public-permissions.ts) and the 401 for a missing sign-in
 * (identity/require-sign-in.ts) are all derived from it.
 */
export interface DeclaredRoute<Action extends string = string> {
  method: Core.HTTPMethod;
  /** Under `/api`, as Strapi's routers write it (`/reviews/:id`). */
  path: string;
  /** The controller's action. */
  action: Action;
  access: RouteAccess;
  config?: Core.RouteConfig;
  /** The answer's schema (zod), for the OpenAPI description; not checked at run time. */
  response?: Core.Route['response'];
}

/** A controller's routes, with its uid (`api::cabinet.cabinet`) naming their handlers. */
export interface DeclaredRoutes<Action extends string = string> {
  controller: `api::${string}.${string}`;
  routes: DeclaredRoute<Action>[];
}

/** The router Strapi loads from `api/<name>/routes/<file>.ts`. */
export const contentApiRouter = ({ controller, routes }: DeclaredRoutes): Core.RouterInput => ({
  type: 'content-api',
  routes: routes.map(({ method, path, action, config, response }) => ({
    method,
    path,
    handler: `${controller}.${action}`,
    ...(config && { config }),
    ...(response && { response }),
  })),
});

/** The permission names (`api::review.review.create`) of the routes open to `access`, once each. */
export const actionsWith = (declared: DeclaredRoutes, access: RouteAccess): string[] => [
  ...new Set(
    declared.routes
      .filter((route) => route.access === access)
      .map((route) => `${declared.controller}.${route.action}`)
  ),
];
