import type { Core } from '@strapi/strapi';

import { DESK_PERMISSIONS } from '@vixenhealth/support/contracts';

import { MODERATE_REVIEWS } from '../admin-api/permissions';
import { ADMIN_ROLE } from '../content-types/uids';

const MODERATOR_ROLE_CODE = 'moderator';

/**
 * Keeps the `Moderator` role at exactly its rights: moderating, on the Moderation page and in
 * the Support desk's Moderation group (registered before this runs).
 */
export const registerModeratorRole = async (strapi: Core.Strapi) => {
  const roles = strapi.service('admin::role');
  const role =
    (await strapi.db.query(ADMIN_ROLE).findOne({ where: { code: MODERATOR_ROLE_CODE } })) ??
    (await roles.create({
      name: 'Moderator',
      code: MODERATOR_ROLE_CODE,
      description: 'Approves, rejects and hides reviews and clinic replies; nothing else',
    }));
  await roles.assignPermissions(
    role.id,
    [`api::${MODERATE_REVIEWS.uid}`, DESK_PERMISSIONS.moderation].map((action) => ({
      action,
      subject: null,
      properties: {},
      conditions: [],
    }))
  );
};
