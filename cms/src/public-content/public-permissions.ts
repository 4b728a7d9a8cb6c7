import type { Core } from '@strapi/strapi';

import { cabinetRoutes } from '../api/cabinet/routes/cabinet';
import { reviewRoutes } from '../api/review/routes/review';
import { USER_PERMISSION, USER_ROLE } from '../content-types/uids';
import { actionsWith } from '../routes/declared-route';

/**
 * Content API actions everyone may call, signed in or not: the core routers' reads, and the
 * public routes declared with the app's own controllers. Code is the only source of truth.
 */
export const PUBLIC_READ_ACTIONS = [
  'api::clinic.clinic.find',
  'api::clinic.clinic.findOne',
  'api::doctor.doctor.find',
  'api::doctor.doctor.findOne',
  'api::service.service.find',
  'api::service.service.findOne',
  'api::page.page.find',
  'api::page.page.findOne',
  'api::specialty.specialty.find',
  'api::specialty.specialty.findOne',
  ...actionsWith(reviewRoutes, 'public'),
  'api::review.review-reply.find',
  'api::review.review-reply.findOne',
];

/** What a signed-in person may do besides reading: write, edit, delete their reviews, report, reply. */
export const REVIEW_WRITE_ACTIONS = actionsWith(reviewRoutes, 'signed-in');

/** The clinic owner's cabinet: any signed-in person, each action checking the clinic is theirs. */
export const CABINET_ACTIONS = actionsWith(cabinetRoutes, 'signed-in');

/** The `api::` actions each users-permissions role has; later features add theirs here. */
export const ROLE_API_ACTIONS: Readonly<Record<'public' | 'authenticated', readonly string[]>> = {
  public: PUBLIC_READ_ACTIONS,
  authenticated: [...PUBLIC_READ_ACTIONS, ...REVIEW_WRITE_ACTIONS, ...CABINET_ACTIONS],
};

/**
 * Gives the `public` and `authenticated` roles exactly their `api::` actions, and
 * takes back any other `api::` action clicked on by hand. Safe to run at every start.
 */
export const syncPublicPermissions = async (strapi: Core.Strapi) => {
  const roles = await strapi.db.query(USER_ROLE).findMany({
    where: { type: { $in: Object.keys(ROLE_API_ACTIONS) } },
    select: ['id', 'type'],
  });

  for (const role of roles) {
    const granted: { id: number; action: string }[] = await strapi.db
      .query(USER_PERMISSION)
      .findMany({
        where: { role: role.id, action: { $startsWith: 'api::' } },
        select: ['id', 'action'],
      });
    const grantedActions = new Set(granted.map((permission) => permission.action));
    const wanted = new Set<string>(ROLE_API_ACTIONS[role.type as keyof typeof ROLE_API_ACTIONS]);

    const extra = granted.filter((permission) => !wanted.has(permission.action));
    if (role.type === 'public') {
      // People sign in and sign up with VixenHealth ID: users-permissions' own routes stay shut.
      extra.push(
        ...(await strapi.db.query(USER_PERMISSION).findMany({
          where: { role: role.id, action: { $startsWith: 'plugin::users-permissions.auth.' } },
          select: ['id', 'action'],
        }))
      );
    }
    if (extra.length > 0) {
      await strapi.db
        .query(USER_PERMISSION)
        .deleteMany({ where: { id: { $in: extra.map((permission) => permission.id) } } });
    }
    for (const action of wanted) {
      if (!grantedActions.has(action)) {
        await strapi.db.query(USER_PERMISSION).create({ data: { action, role: role.id } });
      }
    }
  }
};
