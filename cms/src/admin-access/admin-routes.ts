import type { Core } from '@strapi/strapi';

import { adminActionPolicies, type AdminAction } from './admin-actions';

/**
 * One route of the admin panel's API, declared once: the router and the admin-panel permission
 * Strapi registers are derived from it (admin-api/index.ts).
 */
export interface DeclaredAdminRoute<Action extends string = string> {
  method: Core.HTTPMethod;
  /** Under the admin panel's origin, as it is requested (`/review-moderation/queue`). */
  path: string;
  /** The controller's action. */
  action: Action;
  /** Who may call it: an admin-panel user holding this permission. */
  permission: AdminAction;
}

/** The actions of an admin controller: Koa handlers, behind the admin panel's sign-in. */
export type AdminController<Action extends string> = Record<Action, Core.MiddlewareHandler>;

/**
 * The router of admin routes: each behind `admin::isAuthenticatedAdmin` and its permission. Not
 * an `api/<name>/routes` file: Strapi makes those Content API routes, under `/api`.
 */
export const adminRouter = <Action extends string>(
  routes: DeclaredAdminRoute<Action>[],
  controller: AdminController<Action>
): Core.Router => ({
  type: 'admin',
  prefix: '',
  routes: routes.map(({ method, path, action, permission }) => ({
    method,
    path,
    handler: controller[action],
    info: {},
    config: { policies: adminActionPolicies(`api::${permission.uid}`) },
  })),
});

/** The permissions the routes need, once each, as Strapi's action provider registers them. */
export const permissionsOf = (routes: DeclaredAdminRoute[]): AdminAction[] => [
  ...new Map(routes.map(({ permission }) => [permission.uid, permission])).values(),
];
