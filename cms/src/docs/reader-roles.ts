import type { Core } from '@strapi/strapi';

import { USER_ROLE } from '../content-types/uids';

/**
 * The Support desk's people as VixenHealth ID knows them: an ID account's users-permissions role
 * is the `roles` claim of its access tokens, which restricted doc pages name. Created once, when
 * missing (`staff` is the Support plugin's); an administrator puts accounts in them.
 */
const STAFF_READER_ROLES = [
  { type: 'support-agent', name: 'Support agent', description: 'Works Support tickets' },
  { type: 'support-lead', name: 'Support lead', description: 'Leads the Support desk' },
];

export const ensureDocReaderRoles = async (strapi: Core.Strapi) => {
  for (const role of STAFF_READER_ROLES) {
    if (!(await strapi.db.query(USER_ROLE).findOne({ where: { type: role.type } }))) {
      await strapi.db.query(USER_ROLE).create({ data: role });
    }
  }
};
