import type { Core } from '@strapi/strapi';

import { SECOND_FACTOR } from '../content-types/uids';
import { getService } from '../utils';

/**
 * Turns two-step sign-in off for a user: the app, the recovery codes, and every remembered
 * browser, which stood for them. The caller has checked the password and a current code.
 */
export const removeSecondFactors = async (strapi: Core.Strapi, userId: number) => {
  await strapi.db.transaction(async () => {
    await strapi.db.query(SECOND_FACTOR).deleteMany({ where: { user: { id: userId } } });
    await getService(strapi, 'remembered-devices').forgetAll({ id: userId });
  });
};
